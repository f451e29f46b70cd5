package dev.cfsim.api;

import io.javalin.http.Context;
import java.util.List;

/** Checks of query parameters shared by the routes: a misspelt option is an error, not ignored. */
final class QueryParameters {
  private QueryParameters() {}

  /** 400 naming the first parameter that is not in {@code known}. */
  static void requireKnown(Context ctx, List<String> known) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        throw ProblemException.badParameter(
            name, "unknown option (known: " + String.join(", ", known) + ")");
      }
    }
  }

  /** {@code true} or {@code false}; {@code fallback} when absent. */
  static boolean flag(Context ctx, String name, boolean fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw ProblemException.badParameter(name, "must be true or false, not '" + v + "'");
  }
}
