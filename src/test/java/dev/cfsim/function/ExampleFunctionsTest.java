package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cfsim.rules.RulesReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example functions committed in functions-js/examples are exactly what the generator makes
 * from examples/rules today; a generator change that alters them fails here until they are
 * regenerated (and the diff reviewed): {@code mvn test -Dtest=ExampleFunctionsTest -Dcfsim.regenerate=true}.
 */
class ExampleFunctionsTest {

  private static final Path RULES = Path.of("examples/rules");
  private static final Path FUNCTIONS = Path.of("functions-js/examples");

  @Test
  void committed_example_functions_match_what_the_generator_makes_now() throws Exception {
    List<Path> rulesFiles;
    try (Stream<Path> files = Files.list(RULES)) {
      rulesFiles = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(rulesFiles.isEmpty());
    boolean regenerate = Boolean.getBoolean("cfsim.regenerate");
    for (Path rules : rulesFiles) {
      String name = rules.getFileName().toString().replaceFirst("\\.yaml$", "");
      var ruleSet = RulesReader.read(rules).rules();
      String code = FunctionGenerator.generate(ruleSet, rules.toString(),
          FunctionRuntime.fromId(ruleSet.runtime(), rules.toString()));
      String event = Shipping.testEvent(ruleSet);
      Path function = FUNCTIONS.resolve(name + ".js");
      Path testEvent = FUNCTIONS.resolve(name + ".test-event.json");
      if (regenerate) {
        Files.writeString(function, code, StandardCharsets.UTF_8);
        Files.writeString(testEvent, event, StandardCharsets.UTF_8);
      }
      assertEquals(code, Files.readString(function),
          function + " is stale: regenerate with -Dcfsim.regenerate=true and review the diff");
      assertEquals(event, Files.readString(testEvent), testEvent + " is stale");
    }
  }
}
