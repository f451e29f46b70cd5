package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfsim.rules.Headers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What CloudFront refuses in a viewer-request function's result: it answers the viewer 502 for
 * a disallowed or read-only header added or changed, and refuses a changed method, a URI that
 * does not start with {@code /}, and a query string with spaces, control characters or
 * {@code #}. TestFunction does not check these (function-facts §1.3), so we do, on every
 * result a function gives. The header lists are the rules model's ({@link Headers}), so rules
 * and results are held to the same ones. Source: "Restrictions on edge functions",
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html
 */
public final class EdgeRestrictions {

  /** URI plus query string must be under 8,192 characters. */
  static final int MAX_URL_CHARS = 8_192;

  private EdgeRestrictions() {}

  /**
   * Everything CloudFront would refuse in {@code output}, the value a viewer-request handler
   * returned for {@code event}; empty when the edge would accept it.
   */
  public static List<String> problems(JsonNode output, JsonNode event) {
    List<String> problems = new ArrayList<>();
    if (output == null || !output.isObject()) {
      problems.add("the handler returned neither a request nor a response");
    } else if (output.has("statusCode")) {
      responseProblems(output, event.path("request"), problems);
    } else {
      requestProblems(output, event.path("request"), problems);
    }
    return problems;
  }

  private static void responseProblems(JsonNode response, JsonNode original, List<String> problems) {
    JsonNode status = response.get("statusCode");
    if (!status.canConvertToInt() || status.asInt() < 200 || status.asInt() > 599) {
      problems.add("statusCode " + status + " is not an HTTP status from 200 to 599");
    }
    eachField(response.path("headers"), (name, value) -> {
      if (!Headers.isToken(name)) {
        problems.add("response header name '" + name + "' is not a lower-case HTTP token");
      }
      if (addsControl(value, original)) {
        problems.add("response header '" + name + "' has a control character in its value");
      }
    });
  }

  private static void requestProblems(JsonNode request, JsonNode original, List<String> problems) {
    if (request.equals(original)) {
      return; // each check below is of something the function changed
    }
    if (!request.path("method").equals(original.path("method"))) {
      problems.add("request.method changed from " + original.path("method") + " to "
          + request.path("method") + "; it is read-only");
    }
    JsonNode headers = request.path("headers");
    JsonNode originalHeaders = original.path("headers");
    // Only what the function changed counts: the viewer's own values reached it unchecked.
    eachField(headers, (name, value) -> {
      if (headers.path(name).equals(originalHeaders.path(name))) {
        return;
      }
      if (!Headers.isToken(name)) {
        problems.add("header name '" + name + "' is not a lower-case HTTP token");
      } else if (Headers.isDisallowed(name)) {
        problems.add("header '" + name + "' is disallowed: CloudFront answers 502");
      }
      if (addsControl(value, original)) {
        problems.add("header '" + name + "' has a control character in its value");
      }
    });
    for (String name : Headers.readOnly()) {
      if (!headers.path(name).equals(originalHeaders.path(name))) {
        problems.add("header '" + name + "' is read-only in viewer request and was changed: CloudFront answers 502");
      }
    }
    JsonNode uri = request.path("uri");
    boolean uriChanged = !uri.equals(original.path("uri"));
    if (uriChanged && (!uri.isTextual() || !uri.asText().startsWith("/"))) {
      problems.add("request.uri " + uri + " does not start with '/'");
    } else if (uriChanged && addsForbidden(uri.asText(), original.path("uri").asText())) {
      problems.add("request.uri has a space, a control character or '#'");
    }
    JsonNode query = request.path("querystring");
    boolean queryChanged = !query.equals(original.path("querystring"));
    if (!uriChanged && !queryChanged) {
      return;
    }
    String queryText = queryText(query);
    if (queryChanged && addsForbidden(queryText, queryText(original.path("querystring")))) {
      problems.add("the query string has a space, a control character or '#'");
    }
    if (uri.asText().length() + queryText.length() >= MAX_URL_CHARS) {
      problems.add("URI and query string are " + (uri.asText().length() + queryText.length())
          + " characters; they must be under " + MAX_URL_CHARS);
    }
  }

  private static String queryText(JsonNode query) {
    StringBuilder text = new StringBuilder(query.isTextual() ? query.asText() : "");
    eachField(query, (name, value) -> text.append('&').append(name).append('=').append(value));
    return text.toString();
  }

  /**
   * True when {@code changed} holds a space, control character or {@code #} that {@code before}
   * did not: a function that copies the viewer's own URI into a new one adds nothing CloudFront
   * had not already accepted.
   */
  private static boolean addsForbidden(String changed, String before) {
    for (int i = 0; i < changed.length(); i++) {
      char c = changed.charAt(i);
      if ((c <= ' ' || c == 0x7f || c == '#') && before.indexOf(c) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Calls {@code each} with every value of every field of a headers/cookies/querystring map. */
  private static void eachField(JsonNode fields, BiConsumer<String, String> each) {
    if (!fields.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      each.accept(e.getKey(), e.getValue().path("value").asText());
      for (JsonNode v : e.getValue().path("multiValue")) {
        each.accept(e.getKey(), v.path("value").asText());
      }
    }
  }

  /**
   * True when {@code value} holds a control character (tab aside) that appears nowhere in what
   * the viewer sent: a value copied from the request carries only what CloudFront accepted.
   */
  private static boolean addsControl(String value, JsonNode originalRequest) {
    String viewerText = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        if (viewerText == null) {
          viewerText = viewerText(originalRequest);
        }
        if (viewerText.indexOf(c) < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every value the viewer sent (URI, query, headers, cookies), run together. */
  private static String viewerText(JsonNode request) {
    StringBuilder text = new StringBuilder(request.path("uri").asText()).append(queryText(request.path("querystring")));
    eachField(request.path("headers"), (name, value) -> text.append(value));
    eachField(request.path("cookies"), (name, value) -> text.append(value));
    return text.toString();
  }

}
