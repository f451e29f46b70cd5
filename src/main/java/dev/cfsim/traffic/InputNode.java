package dev.cfsim.traffic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.Json;
import dev.cfsim.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a user's YAML or JSON document that knows its file and field path, so every
 * refusal names both ({@code korea-mall.yaml: regions.ap.data_out: ...}). Readers of profiles
 * and price books walk these instead of binding, to refuse unknown keys with a clear message.
 */
public final class InputNode {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** The largest number accepted (10^15, e.g. requests a month): beyond it an input is a typo, not traffic. */
  public static final BigDecimal MAX_COUNT = BigDecimal.TEN.pow(15);
  /** Finest fraction a figure may have: shares and rates written by cfsim need far fewer places. */
  public static final int MAX_DECIMALS = 40;

  /** How Jackson's YAML parser reports a number with no exact decimal ({@code .nan}, {@code .inf}). */
  private static final String MALFORMED_NUMBER = "Malformed numeric value ";

  private final String source;
  private final String path;
  private final JsonNode node;

  private InputNode(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  /**
   * The document's tree, as {@link #parse} reads it (JSON when it starts with '{' or '[', else
   * YAML with numbers as written), for a caller that checks it before reading it; null when the
   * text holds no document.
   */
  public static JsonNode tree(String source, String text) {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    JsonNode root;
    try {
      // YAML numbers are taken as written (0123 is 123, not octal 83): see YamlTree
      root = json ? JSON.readTree(text) : YamlTree.read(source, text, YamlTree.Decimals.NUMBERS);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null ? "" : "line " + at.getLineNr();
      String message = String.valueOf(e.getOriginalMessage());
      if (e.getProcessor() instanceof JsonParser p && message.startsWith(MALFORMED_NUMBER)) {
        // YAML's .nan and .inf have no exact decimal: name the field, as for any other bad number
        throw new InvalidInputException(source, fieldPath(p.getParsingContext()),
            "must be a finite number (got " + message.substring(MALFORMED_NUMBER.length())
                + (line.isEmpty() ? "" : ", " + line) + ")", e);
      }
      throw Json.ReadProblem.of(e).refusal(source, json ? "JSON" : "YAML", e);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(source, "", "not a number: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the text is in memory: no I/O can fail
    }
    return root;
  }

  /**
   * Parses a document: JSON when it starts with {@code {}, YAML otherwise (JSON is read by the
   * JSON parser so its error positions are exact).
   */
  public static InputNode parse(String source, String text) {
    return of(source, tree(source, text));
  }

  /**
   * A JSON document another reader has already parsed (with big decimals for fractions, as
   * {@link #parse} does), so a caller that checks a body's limits while parsing it need not
   * parse it again.
   */
  public static InputNode of(String source, JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException(source, "", "is empty");
    }
    return new InputNode(source, "", root);
  }

  /** The path of the value a parser stopped at, in this class's notation ({@code regions.us.requests}, {@code a[0]}). */
  private static String fieldPath(JsonStreamContext context) {
    String path = "";
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path = "[" + c.getCurrentIndex() + "]" + path;
      } else if (c.getCurrentName() != null) {
        path = c.getCurrentName() + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path;
      }
    }
    return path;
  }

  /** The file or label the document came from. */
  public String source() {
    return source;
  }

  /** The field path, e.g. {@code regions.ap.data_out}; empty for the document itself. */
  public String path() {
    return path;
  }

  /** An error about this node. */
  public InvalidInputException invalid(String problem) {
    return new InvalidInputException(source, path, problem);
  }

  /** This node as an object whose keys are all in {@code allowed}; otherwise an error naming the first stray key. */
  public InputNode object(Set<String> allowed) {
    requireObject();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new InvalidInputException(
            source, child(key), "unknown key (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
    return this;
  }

  /** The object's entries in document order, for maps keyed by user values (regions, SKUs). */
  public Map<String, InputNode> entries() {
    requireObject();
    Map<String, InputNode> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), new InputNode(source, child(e.getKey()), e.getValue())));
    return out;
  }

  /** The array's elements. */
  public List<InputNode> elements() {
    if (!node.isArray()) {
      throw invalid("must be a list");
    }
    List<InputNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new InputNode(source, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** Whether the object has the field (with a non-null value). */
  public boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** A field that must be present. */
  public InputNode field(String key) {
    return optional(key).orElseThrow(() -> new InvalidInputException(source, child(key), "is missing"));
  }

  /** A field that may be absent (or null). */
  public Optional<InputNode> optional(String key) {
    requireObject();
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(new InputNode(source, child(key), v));
  }

  /** The value as text (numbers are accepted and given as written). */
  public String text() {
    if (!node.isValueNode()) {
      throw invalid("must be a single value, not a " + (node.isArray() ? "list" : "map"));
    }
    return node.asText();
  }

  /** Whether the value is a JSON/YAML number. */
  public boolean isNumber() {
    return node.isNumber();
  }

  /** The value as an exact decimal; a string holding a plain number is accepted too. */
  public BigDecimal number() {
    return number(MAX_COUNT, "");
  }

  /** {@link #number()} for a field with a lower limit in {@code unit} ("GB"), which the error then quotes. */
  BigDecimal number(BigDecimal max, String unit) {
    if (node.isNumber()) {
      if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()) && !node.isBigDecimal()) {
        throw invalid("must be a finite number (got " + node.asText() + ")");
      }
      return fine(atMost(node.decimalValue(), max, unit));
    }
    return fine(atMost(Quantities.parseCount(this, text()), max, unit));
  }

  /**
   * {@code v} if it has at most {@link #MAX_DECIMALS} decimal places: exact arithmetic on
   * {@code 1e-99999999} would take minutes and then fail to print.
   */
  BigDecimal fine(BigDecimal v) {
    if (v.signum() != 0 && v.scale() > MAX_DECIMALS && v.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw invalid("has more than " + MAX_DECIMALS + " decimal places (got " + v + ")");
    }
    return v;
  }

  /** {@code v} if its size is at most {@code max}; otherwise an error naming this field. */
  BigDecimal atMost(BigDecimal v, BigDecimal max, String unit) {
    String in = unit.isEmpty() ? "" : " " + unit;
    if (v.abs().compareTo(max) > 0) {
      throw invalid("is too large (got " + v.toPlainString() + in + "; at most " + max.toPlainString() + in + ")");
    }
    return v;
  }

  /** The value as a number that must not be negative. */
  public BigDecimal nonNegative() {
    BigDecimal v = number();
    if (v.signum() < 0) {
      throw invalid("must not be negative (got " + v.toPlainString() + ")");
    }
    return v;
  }

  /**
   * The value as a count a user gives (requests, paths, log lines, certificates): a whole number
   * no larger than {@link #MAX_COUNT}. Counts derived from rates (per hour, per request) may be fractional.
   */
  public BigDecimal count() {
    BigDecimal v = nonNegative();
    if (v.stripTrailingZeros().scale() > 0) {
      throw invalid("must be a whole number (got " + v.toPlainString() + ")");
    }
    return v;
  }

  /** The value as a share between 0 and 1. */
  public BigDecimal share() {
    BigDecimal v = nonNegative();
    if (v.compareTo(BigDecimal.ONE) > 0) {
      throw invalid("must be between 0 and 1 (got " + v.toPlainString() + ")");
    }
    return v;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw invalid("must be a map of keys to values");
    }
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
