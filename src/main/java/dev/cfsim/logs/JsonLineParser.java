package dev.cfsim.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cfsim.Json;
import dev.cfsim.StrictUtf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads standard logging v2 JSON lines: one object per line whose keys are the W3C field names
 * ({@code cs(User-Agent)}, {@code sc-bytes}, …; Parquet-style {@code cs_user_agent} also
 * accepted). Streams tokens with Jackson rather than building a tree per line.
 */
final class JsonLineParser implements LineParser {

  private static final JsonFactory JSON = new JsonFactory();

  private final RecordAssembler assembler = new RecordAssembler(false, 1.0);
  private final String[] values = new String[LogField.values().length];
  private final long[] notParsed = new long[LogField.values().length];
  /**
   * Key names seen so far: every line repeats them, and matching one normalises its text. A
   * few hundred at most, so a file of made-up keys cannot grow it.
   */
  private final Map<String, Optional<LogField>> fields = new HashMap<>();
  private static final int MAX_KEYS = 256;

  JsonLineParser() {
    Arrays.fill(notParsed, RecordAssembler.NOT_PARSED);
  }

  private LogField field(String key) {
    Optional<LogField> known = fields.get(key);
    if (known == null) {
      known = Optional.ofNullable(LogField.byName(key));
      if (fields.size() < MAX_KEYS) {
        fields.put(key, known);
      }
    }
    return known.orElse(null);
  }

  @Override
  public RequestRecord parse(byte[] buf, int start, int end, ByteScan.Line line)
      throws MalformedLineException {
    Arrays.fill(values, null);
    if (!line.ascii) {
      // Jackson lets overlong forms and code points past U+10FFFF through; tab-separated logs refuse them
      int bad = StrictUtf8.firstInvalid(buf, start, end);
      if (bad >= 0) {
        throw RecordAssembler.notUtf8(buf[bad], "at byte " + (bad - start + 1) + " of the line");
      }
    }
    String unrootedUri = null;
    try (JsonParser p = JSON.createParser(buf, start, end - start)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedLineException(MalformedLines.Reason.BAD_JSON, "not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        LogField f = field(p.currentName());
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        if (f != null && v != JsonToken.VALUE_NULL) {
          String text = p.getText();
          if (!text.isEmpty() && !text.equals("-")) {
            if (f == LogField.URI_STEM && !text.startsWith("/")) {
              unrootedUri = text; // reported once the line is known to be one JSON object
            }
            values[f.ordinal()] = FieldDecoding.decode(f.ordinal(), text);
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new MalformedLineException(MalformedLines.Reason.BAD_JSON, "not one JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new MalformedLineException(
          MalformedLines.Reason.BAD_JSON, RecordAssembler.clip(Json.readProblem(e)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (unrootedUri != null) {
      throw RecordAssembler.unrootedUri(unrootedUri);
    }
    return assembler.assemble(values, notParsed);
  }
}
