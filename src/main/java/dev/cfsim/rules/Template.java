package dev.cfsim.rules;

import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A redirect location or rewritten URI with {@code ${name}} placeholders.
 *
 * <p>Syntax: literal text with placeholders {@code ${host}}, {@code ${uri}} and
 * {@code ${querystring}}. Every {@code $} must open a placeholder (write a literal dollar as
 * {@code %24}); white space, control characters and anything outside ASCII (including U+2028,
 * which ends a line in JavaScript) are refused: write them percent-encoded, as a browser sends them,
 * so the rules, the emulator and the generated function all see one spelling. Expansion replaces each
 * placeholder by the request's value, verbatim, without encoding or decoding: see {@link Variable}.
 *
 * @param source the template as written
 * @param parts the literal and placeholder parts, in order
 */
public record Template(String source, List<Part> parts) {

  /** A placeholder's value, taken from the request a viewer-request function sees. */
  public enum Variable {
    /** The {@code host} header's first value as received, or empty when there is none. */
    HOST("host"),
    /** {@code request.uri} as received: starts with {@code /}, percent-encoding kept. */
    URI("uri"),
    /** The query string serialised by {@link QueryStrings#serialise}; no leading {@code ?}. */
    QUERYSTRING("querystring");

    private final String id;

    Variable(String id) {
      this.id = id;
    }

    /** The name between {@code ${} and {@code }}. */
    public String id() {
      return id;
    }
  }

  /** Literal text or a placeholder. */
  public sealed interface Part permits Literal, Placeholder {}

  /** Text copied as is. */
  public record Literal(String text) implements Part {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A {@code ${name}} placeholder. */
  public record Placeholder(Variable variable) implements Part {
    public Placeholder {
      Objects.requireNonNull(variable, "variable");
    }
  }

  public Template {
    Objects.requireNonNull(source, "source");
    parts = List.copyOf(parts);
  }

  /**
   * Parses {@code source}, allowing only the given placeholders; throws
   * {@link IllegalArgumentException} saying what is malformed.
   */
  public static Template parse(String source, Set<Variable> allowed) {
    if (source.isEmpty()) {
      throw new IllegalArgumentException("the template is empty");
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c <= ' ' || c == 127) {
        throw new IllegalArgumentException("white space or a control character at position " + (i + 1));
      }
      if (c > 126) {
        int codePoint = source.codePointAt(i);
        throw new IllegalArgumentException("non-ASCII character " + CharacterAt.describe(source, i)
            + "; percent-encode it as " + percentEncoded(codePoint));
      }
      if (c != '$') {
        text.append(c);
        i++;
        continue;
      }
      int close = source.indexOf('}', i);
      if (!source.startsWith("${", i) || close < 0) {
        throw new IllegalArgumentException("'$' at position " + (i + 1)
            + " does not open a ${...} placeholder (write a literal $ as %24)");
      }
      String name = source.substring(i + 2, close);
      Variable variable = EnumSet.allOf(Variable.class).stream()
          .filter(v -> v.id.equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown placeholder ${" + name + "}"));
      if (!allowed.contains(variable)) {
        throw new IllegalArgumentException("${" + name + "} cannot be used here");
      }
      if (!text.isEmpty()) {
        parts.add(new Literal(text.toString()));
        text.setLength(0);
      }
      parts.add(new Placeholder(variable));
      i = close + 1;
    }
    if (!text.isEmpty()) {
      parts.add(new Literal(text.toString()));
    }
    return new Template(source, parts);
  }

  private static String percentEncoded(int codePoint) {
    StringBuilder sb = new StringBuilder();
    for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
      sb.append(String.format("%%%02X", b & 0xff));
    }
    return sb.toString();
  }

  /** True when the template uses the placeholder. */
  public boolean uses(Variable variable) {
    return parts.contains(new Placeholder(variable));
  }

  /** Expands the template for a request: placeholders replaced verbatim, nothing encoded. */
  public String expand(ViewerRequest request) {
    StringBuilder sb = new StringBuilder(64);
    for (Part part : parts) {
      if (part instanceof Literal l) {
        sb.append(l.text());
      } else {
        sb.append(value(((Placeholder) part).variable(), request));
      }
    }
    return sb.toString();
  }

  private static String value(Variable variable, ViewerRequest request) {
    return switch (variable) {
      case HOST -> {
        FieldValue host = request.headers().get("host");
        yield host == null ? "" : host.value();
      }
      case URI -> request.uri();
      case QUERYSTRING -> QueryStrings.serialise(request.querystring());
    };
  }

  /** True when the template begins with the placeholder. */
  public boolean startsWith(Variable variable) {
    return !parts.isEmpty() && parts.get(0).equals(new Placeholder(variable));
  }

  /** The text before the first placeholder, empty when the template starts with one. */
  public String literalPrefix() {
    return !parts.isEmpty() && parts.get(0) instanceof Literal l ? l.text() : "";
  }

  @Override
  public String toString() {
    return source;
  }
}
