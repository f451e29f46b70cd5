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
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads request bodies within the {@link ApiLimits}: checks the media type, stops reading past
 * the size limit, and parses JSON with bounded nesting and string length, so a hostile body
 * costs at most one limit's worth of memory and always ends in a 4xx problem.
 */
final class RequestBodies {
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
        new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The body as a JSON object; 415 unless it is sent as JSON, 400 unless it parses to one. */
  JsonNode readJsonObject(Context ctx) {
    requireMediaType(ctx, "application/json");
    byte[] body = readBytes(ctx, limits.maxBodyBytes());
    if (body.length == 0) {
      throw ProblemException.badRequest("the request body is empty; send a JSON object", null);
    }
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw ProblemException.invalidInput(
          "expected a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT),
          JsonPaths.ROOT);
    }
    return node;
  }

  /**
   * Reads at most {@code limit} bytes of body; 413 as soon as the declared or actual length is
   * past it, 408 when the client stops sending.
   */
  byte[] readBytes(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(declared, limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw tooLarge(-1, limit);
      }
      return body;
    } catch (IOException e) {
      throw ProblemException.bodyTimeout(
          "the request body was not received completely within "
              + limits.requestTimeout().toSeconds()
              + " s");
    }
  }

  /** 415 unless the Content-Type is {@code expected} or a {@code +json} type when JSON. */
  static void requireMediaType(Context ctx, String expected) {
    String given = ctx.contentType();
    String mime =
        given == null ? "" : given.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    boolean json = expected.equals("application/json") && mime.endsWith("+json");
    if (!mime.equals(expected) && !json) {
      throw ProblemException.unsupportedMediaType(
          "send the body as Content-Type: "
              + expected
              + (given == null ? " (no Content-Type was given)" : ", not " + given));
    }
  }

  private JsonNode parse(byte[] body) {
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
          "the body is not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr(),
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
