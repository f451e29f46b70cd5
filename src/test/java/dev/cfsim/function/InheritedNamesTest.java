package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that every JavaScript object inherits ({@code constructor}, {@code toString},
 * {@code __proto__} …) behave in the generated function as any other name: a header, cookie or
 * parameter the viewer did not send is absent, whatever Object.prototype holds, and one it sent
 * is an own property. Each test kind gets its own rules, one rule per source and name, so the
 * deciding rule says which lookup decided.
 */
class InheritedNamesTest {

  /** Lower case, as header names are. */
  private static final List<String> HEADER_NAMES =
      List.of("__proto__", "constructor", "tostring", "hasownproperty", "valueof", "__definegetter__");
  private static final List<String> NAMES =
      List.of("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"present: true", "present: false", "equals: v", "contains: v", "matches: '^v$'"})
  void a_name_object_prototype_holds_is_absent_unless_sent(String test) throws Exception {
    RuleSet rules = RulesReader.parse(rules(test), "inherited.yaml").rules();
    Path function = tmp.resolve("inherited.js");
    Files.writeString(function, FunctionGenerator.generate(rules, "inherited.yaml", FunctionRuntime.CLOUDFRONT_JS_1_0));
    List<ViewerRequestEvent> events = events();

    FunctionVerifier.Report report = DifferentialTest.verify(rules, function, events);

    assertEquals(events.size(), report.events());
    assertTrue(report.agreed(), test + ": " + DifferentialTest.describe(report));
    assertEquals(rules.rules().size() + 1, report.decisions().size(), "every rule decided once at least: "
        + report.decisions());
  }

  /**
   * One rule per source and name, redirecting to a path that names it; the default sets and
   * removes headers with inherited names (only {@code __proto__} cannot be set).
   */
  private static String rules(String test) {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (String source : List.of("header", "cookie", "query")) {
      for (String name : source.equals("header") ? HEADER_NAMES : NAMES) {
        String id = source + "-" + name.replace("_", "u");
        yaml.append("  - id: ").append(id).append('\n')
            .append("    when: { ").append(source).append(": { \"").append(name).append("\": { ")
            .append(test).append(" } } }\n")
            .append("    redirect: { location: /").append(id).append(" }\n");
      }
    }
    return yaml.append("default:\n  set_headers: { constructor: c, tostring: t, hasownproperty: h }\n")
        .append("  remove_headers: [__proto__, valueof]\n").toString();
  }

  /**
   * Nothing sent; each name alone, with the value the tests look for and with another; every
   * name of every source but one; every name.
   */
  private static List<ViewerRequestEvent> events() {
    List<ViewerRequestEvent> events = new ArrayList<>();
    events.add(event(Map.of(), Map.of(), Map.of()));
    for (int i = 0; i < NAMES.size(); i++) {
      for (String value : List.of("v", "w")) {
        events.add(event(only(HEADER_NAMES, i, value), Map.of(), Map.of()));
        events.add(event(Map.of(), only(NAMES, i, value), Map.of()));
        events.add(event(Map.of(), Map.of(), only(NAMES, i, value)));
      }
      events.add(event(allBut(HEADER_NAMES, i), allBut(NAMES, -1), allBut(NAMES, -1)));
      events.add(event(allBut(HEADER_NAMES, -1), allBut(NAMES, i), allBut(NAMES, -1)));
      events.add(event(allBut(HEADER_NAMES, -1), allBut(NAMES, -1), allBut(NAMES, i)));
    }
    events.add(event(allBut(HEADER_NAMES, -1), allBut(NAMES, -1), allBut(NAMES, -1)));
    return events;
  }

  private static Map<String, FieldValue> only(List<String> names, int index, String value) {
    return Map.of(names.get(index), FieldValue.of(value));
  }

  private static Map<String, FieldValue> allBut(List<String> names, int index) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (i != index) {
        fields.put(names.get(i), FieldValue.of("v"));
      }
    }
    return fields;
  }

  private static ViewerRequestEvent event(Map<String, FieldValue> headers, Map<String, FieldValue> cookies,
      Map<String, FieldValue> query) {
    Map<String, FieldValue> withHost = new LinkedHashMap<>(headers);
    withHost.put("host", FieldValue.of("www.example.com"));
    return new ViewerRequestEvent("d111111abcdef8.cloudfront.net", "EDFDVBD6EXAMPLE", "req",
        "198.51.100.1", new ViewerRequest("GET", "/", query, withHost, cookies));
  }
}
