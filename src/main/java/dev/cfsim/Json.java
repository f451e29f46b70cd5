package dev.cfsim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON writer for cfsim's documents (estimates, plans, price books, traffic profiles):
 * indented, BigDecimal written plain at full precision, so money never turns into 1E+3.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /** How Jackson starts a message about the character it stopped at (group 1). */
  private static final String CHARACTER = "Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)\\)";

  /**
   * Jackson's wording of common reading errors, and the plain words a user gets instead: its own
   * messages name parser features, Java classes and a {@code [Source: REDACTED ...]} location.
   * Group 1, where there is one, is the character or word at fault.
   */
  private static final List<Reason> REASONS = List.of(
      new Reason("Unexpected end-of-input: was expecting closing quote.*", "the JSON ends early, inside a string"),
      new Reason("Unexpected end-of-input.*|No content to map due to end-of-input.*", "the JSON ends early"),
      new Reason("Trailing token .*", "unexpected text after the JSON value"),
      new Reason("Non-standard token '([-+]?(?:NaN|Infinity|INF))'.*", "%s is not a JSON number"),
      new Reason("Non-standard token '(.*?)'.*", "'%s' is not a JSON value"),
      new Reason("Unrecognized token '(.*?)'.*", "'%s' is not a JSON value (text goes in double quotes)"),
      new Reason("Unexpected character \\('([#/])' \\(code \\d+\\)\\): (?:expected a valid value|maybe a).*",
          "comments ('%s') are not allowed in JSON"),
      new Reason("Unexpected character \\('(')' .*", "strings go in double quotes, not single ones"),
      new Reason(CHARACTER + ": expected a valid value.*", "expected a value, found '%s'"),
      new Reason(CHARACTER + ": was expecting double-quote.*", "expected a field name in double quotes, found '%s'"),
      new Reason(CHARACTER + ": was expecting a colon.*", "expected ':' after the field name, found '%s'"),
      new Reason(CHARACTER + ": was expecting comma to separate Object.*", "expected ',' or '}' after a field, found '%s'"),
      new Reason(CHARACTER + ": was expecting comma to separate Array.*", "expected ',' or ']' after an array item, found '%s'"),
      new Reason("Unexpected character \\('\\+' .*", "a JSON number cannot start with '+'"),
      new Reason(CHARACTER + " in numeric value.*", "a malformed number (unexpected '%s')"),
      new Reason("Invalid numeric value: Leading zeroes not allowed.*", "a JSON number cannot start with 0"),
      new Reason("Unexpected close marker '(.)': no open.*", "'%s' closes nothing"),
      new Reason("Unexpected close marker '(.)': expected '(.)'.*", "found '%s' where '%s' should be"),
      new Reason("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
          "a control character (code %s) in a string: write it as an escape such as \\n"),
      new Reason("Unrecognized character escape '(.+?)'.*", "\\%s is not a JSON escape"),
      new Reason("Duplicate field '(.*)'", "the field '%s' appears twice"),
      new Reason("Invalid UTF-8.*", "the text is not valid UTF-8"),
      // StreamReadConstraints: nesting depth, number and string lengths
      new Reason("(.*?) exceeds the maximum allowed \\((\\d+).*", "%s exceeds the maximum allowed (%s)"));

  /** Where Jackson's messages name internals: a {@code [Source: ...]} location, a `Class` or `Feature`. */
  private static final Pattern INTERNALS =
      Pattern.compile("\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:[^\\]]*\\]\\)"
          + "|\\s*(?:at )?\\[Source:[^\\]]*\\]|\\s*\\(bound as `[^`]*`\\)|: [^:`]*+`[^`]*+`.*");

  /** A token Jackson locates just after itself ({@code NaN}): the column given is where it ends. */
  private static final Pattern TOKEN_BEFORE_LOCATION = Pattern.compile("Non-standard token '(.*?)'.*");

  /** Where SnakeYAML marks a problem in its message: {@code in 'reader', line 2, column 3:}. */
  private static final Pattern YAML_MARK = Pattern.compile("\n in '[^']*', line (\\d+), column (\\d+):");

  private record Reason(Pattern jackson, String plain) {
    Reason(String jackson, String plain) {
      this(Pattern.compile(jackson, Pattern.DOTALL), plain);
    }
  }

  private Json() {}

  /**
   * Why a JSON (or YAML) document could not be read, in words a user can act on, with its line
   * and column: {@code the JSON ends early (line 1, column 27)}. Jackson's {@code getMessage()}
   * names its parser features, Java classes and a redacted source, none of which helps the user.
   */
  public static String readProblem(JsonProcessingException e) {
    ReadProblem problem = ReadProblem.of(e);
    return problem.reason() + (problem.position().isEmpty() ? "" : " (" + problem.position() + ")");
  }

  /**
   * A document Jackson could not read: why, in plain words ({@code the JSON ends early}), and
   * where ({@code line 1, column 27}; empty when unknown), for readers that name the place apart.
   */
  public record ReadProblem(String reason, String position) {
    public static ReadProblem of(JsonProcessingException e) {
      String jackson = String.valueOf(e.getOriginalMessage()).strip();
      String plain = null;
      for (Reason reason : REASONS) {
        Matcher m = reason.jackson().matcher(jackson);
        if (m.matches()) {
          Object[] found = new Object[m.groupCount()];
          for (int i = 0; i < found.length; i++) {
            found[i] = m.group(i + 1);
          }
          plain = String.format(reason.plain(), found);
          break;
        }
      }
      JsonLocation at = e.getLocation();
      int column = at == null ? 0 : at.getColumnNr();
      Matcher after = TOKEN_BEFORE_LOCATION.matcher(jackson);
      if (after.matches() && column > after.group(1).length()) {
        column -= after.group(1).length();
      }
      String where = at == null || at.getLineNr() < 1 ? ""
          : "line " + at.getLineNr() + (column < 1 ? "" : ", column " + column);
      Matcher yamlMark = YAML_MARK.matcher(jackson);
      if (plain == null && yamlMark.find()) {
        // SnakeYAML: its problem without the quoted source lines, at its last mark (the problem's)
        plain = yamlProblem(jackson);
        do {
          where = "line " + yamlMark.group(1) + ", column " + yamlMark.group(2);
        } while (yamlMark.find());
      }
      if (plain == null) {
        plain = INTERNALS.matcher(jackson).replaceAll("").strip();
      }
      return new ReadProblem(plain.isEmpty() ? "not readable" : plain, where);
    }

    /** The refusal of {@code source} as not valid {@code format} (JSON, YAML), at this position. */
    public InvalidInputException refusal(String source, String format, Throwable cause) {
      return new InvalidInputException(source, position, "not valid " + format + ": " + reason, cause);
    }
  }

  /**
   * SnakeYAML's problem without its quoted source lines and carets: {@code while parsing a flow
   * node: expected the node content, but found '<stream end>'}.
   */
  private static String yamlProblem(String message) {
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        sb.append(sb.length() == 0 ? "" : ": ").append(line.strip());
      }
    }
    return sb.toString();
  }

  /** The value as an indented JSON document, without a final line end. */
  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value as an indented JSON document ending with a line end, as files and stdout want. */
  public static String write(Object value) {
    return text(value) + "\n";
  }
}
