package dev.cfsim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads YAML into a tree as Jackson's {@code readTree} does, except for numbers not written as
 * plain decimals. YAML 1.1 reads {@code 0123} as octal 83, {@code 0x1F} as 31 and {@code 1:30} as
 * 90, so a profile or rule would hold a value the user never wrote. Here an integer written in
 * plain decimal ({@code 302}, {@code -7}) stays a number; any other integer scalar becomes the text
 * exactly as written, as if quoted, for the reader to take as written or refuse. Decimals stay
 * numbers ({@link Decimals#NUMBERS}, exact, for profiles) or become text too ({@link
 * Decimals#TEXT}, for rules, which compare text: {@code 1.10} is not {@code 1.1} there). Repeated
 * keys are an error.
 */
public final class YamlTree {
  /** What a decimal scalar ({@code 1.10}, {@code 1e3}) becomes. */
  public enum Decimals { NUMBERS, TEXT }

  private static final YAMLFactory FACTORY = (YAMLFactory) YAMLFactory.builder().build()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("0|-?[1-9][0-9]*");

  private YamlTree() {}

  /**
   * The document's tree, or null when the text holds none. A second document ({@code ---}),
   * which Jackson would never read, and an alias ({@code *name}), which it hands on as the text
   * {@code name} ("must be a number (got 'name')"), are refused naming {@code source} and the line.
   */
  public static JsonNode read(String source, String text, Decimals decimals) throws IOException {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      JsonNode root = node(source, parser, token, decimals);
      if (parser.nextToken() != null) {
        throw new InvalidInputException(source, "line " + marker(text, line(parser)),
            "a second YAML document (---); one document per file");
      }
      return root;
    }
  }

  /** The line of the {@code ---} that opens the document whose first value is at {@code line}. */
  private static int marker(String text, int line) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.min(line, lines.length); i >= 1; i--) {
      if (lines[i - 1].startsWith("---")) {
        return i;
      }
    }
    return line;
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  /**
   * Jackson reads a tagged value as if untagged: 'hours: !foo 5' would be 5 hours, and a
   * '!!binary' name its base64 text. Refused, naming the tag as written where it is short. (A tag
   * on a key is not reported by Jackson's YAML parser, so it cannot be refused here.)
   */
  private static void refuseTag(String source, YAMLParser p) throws IOException {
    String tag = p.getTypeId();
    if (tag != null) {
      String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length())
          : tag.startsWith("!") ? tag : "!" + tag;
      throw new InvalidInputException(source, "line " + line(p), "YAML tags (" + shown
          + ") are not supported; write the value without one");
    }
  }

  private static JsonNode node(String source, YAMLParser p, JsonToken token, Decimals decimals) throws IOException {
    if (p.isCurrentAlias()) {
      throw new InvalidInputException(source, "line " + line(p), "YAML aliases (*" + p.getText()
          + ") are not supported; write the value out");
    }
    refuseTag(source, p);
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          object.set(name, node(source, p, p.nextToken(), decimals));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(node(source, p, t, decimals));
        }
        yield array;
      }
      case VALUE_NUMBER_INT -> PLAIN_DECIMAL.matcher(p.getText()).matches() ? integer(p) : NODES.textNode(p.getText());
      case VALUE_NUMBER_FLOAT -> decimals == Decimals.NUMBERS ? NODES.numberNode(p.getDecimalValue()) : NODES.textNode(p.getText());
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> NODES.nullNode();
      // only a tagged value (!!binary) is an embedded object, and tags are refused above
      default -> throw new IllegalStateException("unexpected YAML token " + token);
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
