package dev.cfsim.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.GeneratorMix;
import dev.cfsim.logs.GeoNetworks;
import dev.cfsim.logs.LogField;
import dev.cfsim.logs.LogGenerator;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.traffic.ProfileBuilder;
import dev.cfsim.viewer.GeoDatabases;
import dev.cfsim.viewer.ViewerEnricher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that reads only {@link Emulator#FIELDS} reports exactly what a replay of every field
 * does: every decision, country, device, target and sample, the traffic behind the cost, and
 * the same malformed lines.
 */
class EmulatorFieldsTest {

  /** One condition on each input a replay takes from the log, so a field left out shows. */
  private static final List<String> CONDITIONS = List.of(
      "country: [KR]",
      "device: mobile",
      "host: www.shop.example",
      "method: [GET]",
      "path_prefix: /products/",
      "query: { q: { present: true } }",
      "cookie: { lang: { equals: ko } }",
      "header: { referer: { present: true } }",
      "header: { user-agent: { contains: Mobile } }",
      "header: { cloudfront-viewer-http-version: { equals: \"2.0\" } }",
      "header: { cloudfront-viewer-tls: { contains: \"TLSv1.3:TLS_AES_128\" } }",
      "header: { cloudfront-viewer-address: { contains: \":49152\" } }",
      "header: { cloudfront-forwarded-proto: { equals: https } }");

  @Test
  void reading_only_the_replay_fields_changes_nothing_in_the_report(@TempDir Path dir) throws Exception {
    Path generated = Files.createDirectory(dir.resolve("generated"));
    GeneratorMix mix = GeneratorMix.defaults();
    try (InputStream in = GeoDatabases.class.getResourceAsStream(GeoDatabases.EMBEDDED_RESOURCE)) {
      new LogGenerator(mix, GeoNetworks.scan(in, "embedded", mix.countries().keySet()))
          .generate(5_000, 11, generated, n -> { });
    }
    List<String> logs = List.of(generated.toString(),
        "src/test/resources/emulator/shop-sample.log", "examples/logs/sample",
        "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases",
        "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json");
    List<Path> rules = new ArrayList<>(List.of(Path.of("examples/rules/shop.yaml"),
        Path.of("examples/rules/maintenance.yaml"), Path.of("examples/rules/eu-and-california.yaml")));
    for (int i = 0; i < CONDITIONS.size(); i++) {
      rules.add(Files.writeString(dir.resolve("probe-" + i + ".yaml"), "runtime: cloudfront-js-2.0\n"
          + "rules:\n  - id: probe\n    when: { " + CONDITIONS.get(i) + " }\n    pass: true\n"
          + "default: pass\n"));
    }
    for (Path ruleFile : rules) {
      Emulator emulator = new Emulator(RuleEvaluator.compile(RulesReader.read(ruleFile).rules()),
          ViewerEnricher.builder().build(), EdgeLocations.builtIn());
      for (String log : logs) {
        String what = ruleFile.getFileName() + " on " + log;
        LogReadResult<Emulator.Tally> some =
            emulator.run(LogSource.of(List.of(log), LogReadOptions.defaults()));
        LogReadResult<Emulator.Tally> all =
            LogSource.of(List.of(log), LogReadOptions.defaults()).read(emulator.collector());
        assertTrue(all.records() > 0, what);
        assertEquals(all.records(), some.records(), what);
        assertEquals(all.malformed().summary(), some.malformed().summary(), what);
        assertEquals(all.value().counts(), some.value().counts(), what);
        assertEquals(ProfileBuilder.build(all.value().traffic(), "logs", false),
            ProfileBuilder.build(some.value().traffic(), "logs", false), what);
      }
    }
  }

  @Test
  void the_traffic_fields_are_read_and_only_fields_no_replay_reads_are_left_out() {
    assertTrue(Emulator.FIELDS.containsAll(TrafficTally.FIELDS));
    assertEquals(List.of(LogField.TIME_TAKEN, LogField.FORWARDED_FOR, LogField.RESPONSE_RESULT_TYPE,
            LogField.TIME_TO_FIRST_BYTE, LogField.DETAILED_RESULT_TYPE, LogField.CONTENT_TYPE,
            LogField.RANGE_START, LogField.RANGE_END),
        List.of(LogField.values()).stream().filter(f -> !Emulator.FIELDS.contains(f)).toList());
  }
}
