package dev.cfsim.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads YAML into a tree as Jackson's {@code readTree} does, except for unquoted numbers. YAML 1.1
 * reads {@code 0123} as octal 83, {@code 0x1F} as 31, {@code 1.10} as 1.1 and {@code 1e3} as
 * 1000.0, so a rule comparing against them would compare against text the user never wrote. Here
 * an integer written in plain decimal ({@code 302}, {@code -7}) stays a number, for the fields
 * that want one ({@code 12} reads as 12 either way); every other number scalar becomes the text
 * exactly as written, as if quoted.
 * Repeated keys are an error.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = (YAMLFactory) YAMLFactory.builder().build()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("0|-?[1-9][0-9]*");

  private YamlTree() {}

  /** The first document's tree, or null when the text holds none. */
  static JsonNode read(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? null : node(parser, token);
    }
  }

  private static JsonNode node(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          object.set(name, node(p, p.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(node(p, t));
        }
        yield array;
      }
      case VALUE_NUMBER_INT -> PLAIN_DECIMAL.matcher(p.getText()).matches() ? integer(p) : NODES.textNode(p.getText());
      case VALUE_NUMBER_FLOAT, VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.pojoNode(p.getEmbeddedObject());
    };
  }

  private static JsonNode integer(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> NODES.numberNode(p.getIntValue());
      case LONG -> NODES.numberNode(p.getLongValue());
      default -> NODES.numberNode(p.getBigIntegerValue());
    };
  }
}
