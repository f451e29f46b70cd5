package dev.cfsim.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;

/**
 * Reads request bodies within the {@link ApiLimits}: checks the media type, stops reading past
 * the size limit, and parses JSON with bounded nesting and string length, so a hostile body
 * costs at most one limit's worth of memory and always ends in a 4xx problem.
 */
final class RequestBodies {
  private static final int MAX_INTEGER_DIGITS = 18;
  private static final int MAX_DECIMALS = 20;

  private final ApiLimits limits;
  private final ObjectMapper mapper;

  RequestBodies(ApiLimits limits) {
    this.limits = limits;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxJsonDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(limits.maxStringLength())
                    .maxNumberLength(100)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        new ObjectMapper(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** How errors name a request's body: the part of a multipart upload is named instead. */
  static final String BODY = "request body";

  /** YAML media types: rules files and profiles may come as YAML, as the CLI reads them. */
  private static final List<String> YAML_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml");

  /** Whether the body is declared as YAML (which the readers parse as such; JSON is YAML too). */
  static boolean isYaml(Context ctx) {
    String mime = mediaType(ctx);
    return YAML_TYPES.contains(mime) || mime.endsWith("+yaml");
  }

  /**
   * A rules file sent as YAML or JSON, within the size limit; JSON is also held to the nesting
   * and length limits. The rules reader parses it and names any bad field.
   */
  String readRulesText(Context ctx) {
    if (isYaml(ctx)) {
      return readText(ctx, "a rules file"); // the rules reader parses it (one document, no aliases)
    }
    requireMediaType(ctx, "application/json", "the rules", "application/yaml (or application/json)");
    String text = readText(ctx, "a rules file");
    checkJsonObject(text);
    return text;
  }

  /** The body as text, sent as JSON and within the size limit, but not yet parsed. */
  String readRawJson(Context ctx) {
    requireMediaType(ctx, "application/json");
    return readText(ctx, "a JSON object");
  }

  /** As {@link #readRawJson}, but YAML is accepted too ({@link #isYaml}): a traffic profile. */
  String readRawProfile(Context ctx) {
    if (isYaml(ctx)) {
      return readText(ctx, "a traffic profile"); // the profile reader parses it, as the CLI's
    }
    requireMediaType(ctx, "application/json", "the profile", "application/json (or application/yaml)");
    return readText(ctx, "a traffic profile");
  }

  /**
   * The body as text, within the size limit and strictly UTF-8 (415 for another declared
   * charset); 400 when it is empty or only whitespace, which no parser would read as a document
   * (JSON parsers see no value at all, not an error).
   */
  private String readText(Context ctx, String expected) {
    requireNoContentEncoding(ctx);
    Utf8Text.requireUtf8Charset(ctx.contentType());
    String text = Utf8Text.decode(readBytes(ctx, limits.maxBodyBytes()), "the request body");
    if (text.isBlank()) {
      throw ProblemException.badRequest(
          "the request body is empty" + (text.isEmpty() ? "" : " (only whitespace)") + "; send "
              + expected,
          null);
    }
    return text;
  }

  /**
   * Checks a body already read is a JSON object within the limits: 400 unless it parses within
   * the nesting and length limits, 422 unless it is an object whose numbers are of a sane size.
   * Returns the parsed object (big decimals for fractions), so a reader need not parse it again.
   */
  JsonNode checkJsonObject(String body) {
    return checkObject(parse(body));
  }

  /**
   * 422 unless a body's tree (JSON, or YAML its reader parsed) is an object whose numbers are of
   * a sane size; returns it.
   */
  static JsonNode checkObject(JsonNode node) {
    if (node == null) { // a YAML body of only comments
      throw ProblemException.badRequest("the request body holds no document; send a traffic profile", null);
    }
    if (!node.isObject()) {
      throw ProblemException.invalidInput(
          "expected a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT),
          JsonPaths.ROOT);
    }
    requireSaneNumbers(node, null);
    return node;
  }

  /**
   * Refuses numbers no traffic profile needs ({@code 1e999999}, {@code 1e-400}): exact decimal
   * arithmetic on them would cost the server memory and time out of all proportion. The path
   * is written out only for a refusal, not for every field of every body.
   */
  private static void requireSaneNumbers(JsonNode node, Step at) {
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      if (value.signum() != 0
          && (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_DECIMALS)) {
        throw ProblemException.invalidInput(
            "number out of range: at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                + MAX_DECIMALS + " after it",
            Step.path(at));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        requireSaneNumbers(e.getValue(), new Step(at, e.getKey(), -1));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireSaneNumbers(node.get(i), new Step(at, null, i));
      }
    }
  }

  /** One step from the root to a field: a member name, or an element index when name is null. */
  private record Step(Step parent, String name, int index) {
    /** The JSON path ({@code $.regions.ap[0]}) of {@code step}; {@code $} for the root (null). */
    static String path(Step step) {
      if (step == null) {
        return JsonPaths.ROOT;
      }
      String parent = path(step.parent);
      return step.name != null ? parent + "." + step.name : parent + "[" + step.index + "]";
    }
  }

  /**
   * Reads at most {@code limit} bytes of body; 413 as soon as the declared or actual length is
   * past it, 408 when the client stops sending or the body has not all arrived within the
   * request timeout of the first read, 400 when the body ends early.
   */
  byte[] readBytes(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(declared, limit);
    }
    try (InputStream in = BodyDeadline.open(ctx, limits.requestTimeout())) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw tooLarge(-1, limit);
      }
      return body;
    } catch (IOException | BadMessageException e) {
      ProblemException failure = transferFailure(e, limits);
      throw failure != null ? failure : stopped(limits);
    }
  }

  /**
   * The problem for a body Jetty could not hand over, or null when the failure is not about
   * the transfer: 400 when the body ended early (broken chunked framing, or the connection
   * closed before its Content-Length; Jetty reports both as an early end), 408 when it did not
   * arrive by its deadline or stopped coming.
   */
  static ProblemException transferFailure(Throwable e, ApiLimits limits) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyDeadline.ServerStopping stopping) {
        return ProblemException.stopping(stopping.getMessage());
      }
      if (t instanceof BodyDeadline.Late late) {
        return ProblemException.bodyTimeout(late.getMessage());
      }
      if (t instanceof EofException) {
        return ProblemException.badRequest("the request body is malformed: it ended early "
            + "(broken chunked framing, or fewer bytes than its Content-Length)", null);
      }
      if (t instanceof BadMessageException bad) {
        return bad.getCode() == HttpStatus.REQUEST_TIMEOUT_408
            ? stopped(limits)
            : ProblemException.badRequest("the request body is malformed: " + bad.getReason(), null);
      }
      if (t instanceof TimeoutException) {
        return stopped(limits);
      }
    }
    return null;
  }

  private static ProblemException stopped(ApiLimits limits) {
    return ProblemException.bodyTimeout("the request body stopped arriving for "
        + limits.requestTimeout().toSeconds() + " s");
  }

  /** 415 unless the Content-Type is {@code expected} or a {@code +json} type when JSON. */
  static void requireMediaType(Context ctx, String expected) {
    requireMediaType(ctx, expected, "the body", expected);
  }

  /** As above; the 415 says to send {@code what} as {@code types}. */
  private static void requireMediaType(Context ctx, String expected, String what, String types) {
    String given = ctx.contentType();
    String mime = mediaType(ctx);
    boolean json = expected.equals("application/json") && mime.endsWith("+json");
    if (!mime.equals(expected) && !json) {
      throw ProblemException.unsupportedMediaType(
          "send " + what + " as Content-Type: "
              + types
              + (given == null ? " (no Content-Type was given)" : ", not " + given));
    }
  }

  /**
   * 415 for a body sent with a Content-Encoding (gzip, br…): the routes would read compressed
   * bytes as text (RFC 9110 §8.4). A log upload may still be a gzip file: that is its content.
   */
  static void requireNoContentEncoding(Context ctx) {
    String encoding = ctx.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      throw ProblemException.unsupportedMediaType("Content-Encoding " + encoding.strip()
          + " is not accepted: send the body uncompressed (a log file part may be gzip itself)");
    }
  }

  /** The Content-Type without parameters, lower case; empty when none was given. */
  static String mediaType(Context ctx) {
    String given = ctx.contentType();
    return given == null ? "" : given.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private JsonNode parse(String body) {
    JsonParser parser = null;
    try {
      parser = mapper.createParser(body);
      return mapper.readTree(parser);
    } catch (StreamConstraintsException e) {
      throw ProblemException.jsonLimit(
          e.getOriginalMessage().replaceAll(", from `[^`]*`", ""),
          JsonPaths.fromContext(parser == null ? null : parser.getParsingContext()));
    } catch (JsonProcessingException e) {
      throw ProblemException.malformedJson(
          "the body is not valid JSON: " + Json.readProblem(e),
          JsonPaths.fromContext(parser == null ? null : parser.getParsingContext()));
    } catch (IOException e) {
      throw ProblemException.malformedJson("the body could not be read: " + e.getMessage(), null);
    }
  }

  private static ProblemException tooLarge(long declared, long limit) {
    return ProblemException.tooLarge(
        "the request body"
            + (declared >= 0 ? " (" + declared + " bytes)" : "")
            + " is larger than this API accepts ("
            + limit
            + " bytes)");
  }
}
