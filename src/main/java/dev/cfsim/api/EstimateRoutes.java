package dev.cfsim.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.PlanComparer;
import dev.cfsim.pricing.PlanComparison;
import dev.cfsim.report.EstimateRenderer;
import dev.cfsim.report.Format;
import dev.cfsim.report.PlansRenderer;
import dev.cfsim.traffic.InputNode;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.function.BiFunction;

/**
 * {@code POST /api/v1/estimates} and {@code POST /api/v1/plans/compare}: a traffic profile in,
 * the same JSON {@code cfsim estimate} and {@code cfsim plans} print out, from the same renderers.
 */
final class EstimateRoutes {
  /** How errors in the profile name their source. */
  static final String SOURCE = RequestBodies.BODY;

  /** At most this many characters of requests and answers are remembered (about 32 MiB). */
  private static final long CACHE_CHARS = 16L * 1024 * 1024;

  private final RequestBodies bodies;
  private final PriceBookCatalog books;
  private final AnswerCache cache = new AnswerCache(CACHE_CHARS);

  EstimateRoutes(RequestBodies bodies, PriceBookCatalog books) {
    this.bodies = bodies;
    this.books = books;
  }

  void register(Javalin app) {
    app.post(CfsimApi.V1 + "/estimates", this::estimate);
    app.post(CfsimApi.V1 + "/plans/compare", this::compare);
  }

  private void estimate(Context ctx) {
    answer(ctx, (profile, query) -> {
      CostEstimate estimate = CostEngine.estimate(profile, query.book(), query.options());
      return EstimateRenderer.render(estimate, Format.JSON, query.conversion());
    });
  }

  private void compare(Context ctx) {
    answer(ctx, (profile, query) -> {
      PlanComparison comparison = PlanComparer.compare(profile, query.book(), query.options());
      return PlansRenderer.render(comparison, Format.JSON, query.conversion());
    });
  }

  /** Checks the query, reads the body, and answers from the cache or by pricing the profile. */
  private void answer(Context ctx, BiFunction<TrafficProfile, PricingQuery, String> price) {
    PricingQuery query = PricingQuery.from(ctx, books);
    boolean yaml = RequestBodies.isYaml(ctx);
    String body = bodies.readRawProfile(ctx);
    // a YAML and a JSON body of the same text are read differently, so they are cached apart
    String key = AnswerCache.key(ctx.path(), ctx.queryString(), (yaml ? "yaml:" : "json:") + body);
    String json = cache.get(key);
    if (json == null) {
      // a YAML body is held to the same object and number checks as JSON, after its own parser
      TrafficProfile profile = yaml
          ? TrafficProfileReader.parse(SOURCE, RequestBodies.checkObject(yamlDocument(body)))
          : profile(body, bodies.checkJsonObject(body));
      json = cache.compute(key, () -> price.apply(profile, query));
    }
    ctx.contentType("application/json").result(json);
  }

  /** A YAML body's document, or null when it holds none (only comments, or only '---'). */
  private static JsonNode yamlDocument(String body) {
    JsonNode tree = InputNode.tree(SOURCE, body);
    return tree != null && tree.isTextual() && tree.asText().isEmpty() ? null : tree;
  }

  /**
   * The profile in a checked body, from the tree the checks parsed: the profile reader takes a
   * document starting with '{' as JSON and parses it as the checks did, so parsing it again
   * would only give the same tree. Anything else goes through the reader as sent.
   */
  static TrafficProfile profile(String body, JsonNode checked) {
    return startsWithBrace(body)
        ? TrafficProfileReader.parse(SOURCE, checked)
        : TrafficProfileReader.parse(SOURCE, body);
  }

  private static boolean startsWithBrace(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }
}
