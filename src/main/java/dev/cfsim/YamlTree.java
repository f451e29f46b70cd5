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
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

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
  private static final String CORE_TAGS = "tag:yaml.org,2002:";
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("0|-?[1-9][0-9]*");

  private YamlTree() {}

  /**
   * The document's tree, or null when the text holds none. A second document ({@code ---}),
   * which Jackson would never read, and an alias ({@code *name}), which it hands on as the text
   * {@code name} ("must be a number (got 'name')"), are refused naming {@code source} and the line,
   * and so is a tag, on a key or a value ({@code !foo 5}), which Jackson would drop.
   */
  public static JsonNode read(String source, String text, Decimals decimals) throws IOException {
    refuseTags(source, text);
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
   * Refuses the first YAML tag in {@code text}, naming its line. Jackson reads a tagged node as if
   * untagged: 'hours: !foo 5' would be 5 hours, a '!!binary' name its base64 text, and a tag on
   * a key is not even reported to its caller. So the tags are found in SnakeYAML's own events
   * (the parser under Jackson's), which carry them for keys and values alike. A text SnakeYAML
   * cannot parse is left to Jackson, which names the syntax error as it always has.
   */
  private static void refuseTags(String source, String text) {
    Deque<OpenCollection> open = new ArrayDeque<>();
    try {
      for (Event e : new Yaml().parse(new StringReader(text))) {
        if (e instanceof CollectionEndEvent) {
          open.pop();
          continue;
        }
        if (!(e instanceof NodeEvent)) {
          continue;
        }
        OpenCollection parent = open.peek();
        boolean key = parent != null && parent.nextIsKey();
        String tag = e instanceof ScalarEvent scalar ? scalar.getTag()
            : e instanceof CollectionStartEvent collection ? collection.getTag() : null;
        if (tag != null) {
          String shown = tag.startsWith(CORE_TAGS) ? "!!" + tag.substring(CORE_TAGS.length())
              : tag.startsWith("!") ? tag : "!<" + tag + ">";
          throw new InvalidInputException(source, "line " + (e.getStartMark().getLine() + 1), "YAML tags ("
              + shown + ") are not supported; write the " + (key ? "key" : "value") + " without one");
        }
        if (e instanceof CollectionStartEvent) {
          open.push(new OpenCollection(e instanceof MappingStartEvent));
        }
      }
    } catch (YAMLException notYaml) {
      // Jackson reports it, with its line, when it reads the same text
    }
  }

  /** An open mapping or sequence, as far as telling its keys from its values goes. */
  private static final class OpenCollection {
    private final boolean mapping;
    private int nodes;

    OpenCollection(boolean mapping) {
      this.mapping = mapping;
    }

    /** Whether the node now starting in it is a key, counting it. */
    boolean nextIsKey() {
      return mapping && nodes++ % 2 == 0;
    }
  }

  private static JsonNode node(String source, YAMLParser p, JsonToken token, Decimals decimals) throws IOException {
    if (p.isCurrentAlias()) {
      throw new InvalidInputException(source, "line " + line(p), "YAML aliases (*" + p.getText()
          + ") are not supported; write the value out");
    }
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
      // only a tagged value (!!binary) is an embedded object, and tags were refused before
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
