package dev.cfsim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * What {@link YamlTree} would pass over without a word: a second document ({@code ---}), which it
 * never reads, and an alias ({@code *name}), which Jackson hands on as the text {@code name}, so
 * a profile said "must be a number (got 'name')". Both are refused, naming the line. Run it on
 * text {@link YamlTree#read} has already read, so syntax errors keep its messages.
 */
public final class YamlShape {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlShape() {}

  /**
   * @throws InvalidInputException naming {@code source} and the line of a second document or
   *     of an alias
   * @throws IOException when the text is not YAML
   */
  public static void requireOneDocumentWithoutAliases(String source, String text) throws IOException {
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      int depth = 0;
      boolean seenRoot = false;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (depth == 0 && seenRoot) {
          throw new InvalidInputException(source, "line " + marker(text, line(p)),
              "a second YAML document (---); one document per file");
        }
        if (p.isCurrentAlias()) {
          throw new InvalidInputException(source, "line " + line(p), "YAML aliases (*" + p.getText()
              + ") are not supported; write the value out");
        }
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
        seenRoot |= depth == 0;
      }
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
}
