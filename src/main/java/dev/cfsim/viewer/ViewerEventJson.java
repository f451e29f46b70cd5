package dev.cfsim.viewer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.cfsim.InvalidInputException;
import dev.cfsim.Json;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a viewer-request event, exactly as a CloudFront Function receives it and as AWS's
 * TestFunction takes it: {@code {version, context: {eventType, …}, viewer: {ip}, request:
 * {method, uri, querystring, headers, cookies}}}. The Node harness runs generated functions on
 * these very strings, so Java and JavaScript decide on the same input.
 */
public final class ViewerEventJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private ViewerEventJson() {}

  /** The event as one line of JSON. */
  public static String write(ViewerRequestEvent event) {
    return write(event, false);
  }

  /** The event as indented JSON, for people. */
  public static String writePretty(ViewerRequestEvent event) {
    return write(event, true);
  }

  private static String write(ViewerRequestEvent event, boolean pretty) {
    StringBuilderWriter out = new StringBuilderWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      if (pretty) {
        gen.useDefaultPrettyPrinter();
      }
      write(event, gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The event as a JSON tree, equal to what reading {@link #write}'s text gives, built from the
   * event's tokens without writing and parsing text: the verifier needs both forms of every event.
   */
  public static JsonNode tree(ViewerRequestEvent event) {
    TokenBuffer tokens = new TokenBuffer(MAPPER, false);
    try {
      write(event, tokens);
      return MAPPER.readTree(tokens.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the event to a generator, for callers that stream many events. Context fields that are
   * empty are left out, as TestFunction allows.
   */
  public static void write(ViewerRequestEvent event, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("version", ViewerRequestEvent.VERSION);
    gen.writeObjectFieldStart("context");
    writeIfPresent(gen, "distributionDomainName", event.distributionDomainName());
    writeIfPresent(gen, "distributionId", event.distributionId());
    gen.writeStringField("eventType", ViewerRequestEvent.EVENT_TYPE);
    writeIfPresent(gen, "requestId", event.requestId());
    gen.writeEndObject();
    gen.writeObjectFieldStart("viewer");
    gen.writeStringField("ip", event.viewerIp());
    gen.writeEndObject();
    ViewerRequest r = event.request();
    gen.writeObjectFieldStart("request");
    gen.writeStringField("method", r.method());
    gen.writeStringField("uri", r.uri());
    writeFields(gen, "querystring", r.querystring());
    writeFields(gen, "headers", r.headers());
    writeFields(gen, "cookies", r.cookies());
    gen.writeEndObject();
    gen.writeEndObject();
  }

  /**
   * Reads an event written by {@link #write}, or by hand in TestFunction's format.
   *
   * @param source names the input in errors, e.g. a file name
   */
  public static ViewerRequestEvent read(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw Json.ReadProblem.of(e).refusal(source, "JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source, "", "an event must be a JSON object");
    }
    JsonNode context = root.path("context");
    JsonNode request = root.path("request");
    String ip = root.path("viewer").path("ip").asText("");
    if (ip.isEmpty()) {
      throw new InvalidInputException(source, "viewer.ip", "missing");
    }
    if (!request.isObject()) {
      throw new InvalidInputException(source, "request", "missing");
    }
    ViewerRequest viewerRequest = new ViewerRequest(
        request.path("method").asText("GET"),
        request.path("uri").asText("/"),
        readFields(request.path("querystring"), source, "request.querystring"),
        readFields(request.path("headers"), source, "request.headers"),
        readFields(request.path("cookies"), source, "request.cookies"));
    return new ViewerRequestEvent(
        context.path("distributionDomainName").asText(""),
        context.path("distributionId").asText(""),
        context.path("requestId").asText(""),
        ip,
        viewerRequest);
  }

  /** A Writer over a StringBuilder, without StringWriter's synchronised StringBuffer. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder sb = new StringBuilder(1024);

    @Override
    public void write(char[] chars, int off, int len) {
      sb.append(chars, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      sb.append(str, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  private static void writeIfPresent(JsonGenerator gen, String name, String value)
      throws IOException {
    if (!value.isEmpty()) {
      gen.writeStringField(name, value);
    }
  }

  private static void writeFields(JsonGenerator gen, String name, Map<String, FieldValue> fields)
      throws IOException {
    gen.writeObjectFieldStart(name);
    for (Map.Entry<String, FieldValue> e : fields.entrySet()) {
      FieldValue v = e.getValue();
      gen.writeObjectFieldStart(e.getKey());
      gen.writeStringField("value", v.value());
      if (v.isMultiValue()) {
        gen.writeArrayFieldStart("multiValue");
        for (String each : v.multiValue()) {
          gen.writeStartObject();
          gen.writeStringField("value", each);
          gen.writeEndObject();
        }
        gen.writeEndArray();
      }
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static Map<String, FieldValue> readFields(JsonNode node, String source, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new InvalidInputException(source, path, "must be an object of {value} entries");
    }
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = path + "." + e.getKey();
      JsonNode value = e.getValue().get("value");
      if (value == null || !value.isTextual()) {
        throw new InvalidInputException(source, at + ".value", "missing or not a string");
      }
      JsonNode multi = e.getValue().get("multiValue");
      if (multi == null || multi.isNull()) {
        fields.put(e.getKey(), FieldValue.of(value.asText()));
        continue;
      }
      List<String> values = new ArrayList<>();
      for (JsonNode each : multi) {
        values.add(each.path("value").asText());
      }
      fields.put(e.getKey(), values.isEmpty()
          ? FieldValue.of(value.asText())
          : new FieldValue(value.asText(), values));
    }
    return fields;
  }
}
