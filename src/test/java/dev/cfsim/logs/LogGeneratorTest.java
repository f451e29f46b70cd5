package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogGeneratorTest {

  static final String TEST_DB = "/logs/geoip/GeoIP2-Country-Test.mmdb";

  @TempDir Path dir;

  static GeneratorMix testMix() throws Exception {
    return GeneratorMix.read(Path.of(LogGeneratorTest.class.getResource("/logs/test-db-mix.yaml").toURI()));
  }

  static GeoNetworks testNetworks(GeneratorMix mix) throws IOException {
    try (InputStream in = LogGeneratorTest.class.getResourceAsStream(TEST_DB)) {
      return GeoNetworks.scan(in, "GeoIP2-Country-Test.mmdb", mix.countries().keySet());
    }
  }

  LogGenerator.Result generate(Path out, long n, long seed) throws Exception {
    GeneratorMix mix = testMix();
    return new LogGenerator(mix, testNetworks(mix)).generate(n, seed, out, x -> {});
  }

  @Test
  void generated_logs_read_back_with_no_malformed_line_and_match_the_mix() throws Exception {
    LogGenerator.Result r = generate(dir, 5000, 7);
    // 5000 split 70/10/10/5/5 percent
    assertEquals(Map.of("KR", 3500L, "JP", 500L, "US", 500L, "GB", 250L, "SE", 250L), r.requestsByCountry());
    assertTrue(r.files().stream().allMatch(f -> f.getFileName().toString()
        .matches("E2CFSIMTEST\\.2026-11-02-0[0-5]\\.[0-9a-f]{8}\\.gz")), r.files().toString());

    LogReadResult<TrafficTally> read =
        LogSource.of(List.of(dir.toString()), LogReadOptions.defaults())
            .read(TrafficTally.collector(EdgeLocations.builtIn()));
    assertTrue(read.malformed().isEmpty(), () -> String.join("\n", read.malformed().summary()));
    TrafficTally t = read.value();
    assertEquals(5000, t.records());
    // KR and JP edges: ICN is ap, NRT is jp, SEA us, LHR and ARN eu
    assertEquals(3500, t.region(PricingRegion.AP).requests());
    assertEquals(500, t.region(PricingRegion.JP).requests());
    assertEquals(500, t.region(PricingRegion.US).requests());
    assertEquals(500, t.region(PricingRegion.EU).requests());
    assertEquals(6, t.hoursCovered());
    double hits = t.resultTypes().getOrDefault("Hit", 0.0) / 5000;
    // 80 % drawn Hit, but only the 90 % GETs can be: 72 %
    assertTrue(Math.abs(hits - 0.72) < 0.03, "hit share " + hits);
  }

  @Test
  void plain_http_lines_speak_http_1_1_as_browsers_use_http_2_and_3_only_over_tls() throws Exception {
    LogGenerator.Result r = generate(dir, 3000, 5);
    int http = 0;
    for (Path f : r.files()) {
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
          new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(f)), java.nio.charset.StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String[] v = line.split("\t");
          if (!line.startsWith("#") && v[16].equals("http")) {
            http++;
            assertEquals("HTTP/1.1", v[23], line); // cs-protocol-version; before, HTTP/2.0 and 3.0 too
          }
        }
      }
    }
    assertTrue(http > 0, "the mix has plain HTTP lines");
  }

  @Test
  void a_post_is_never_answered_from_the_cache() throws Exception {
    // the test mix draws 10 % POST and 80 % Hit independently; CloudFront caches GET and HEAD only
    generate(dir, 4000, 9);
    Map<String, Integer> postResults = new HashMap<>();
    LogSource.of(List.of(dir.toString()), LogReadOptions.defaults().withThreads(1)).forEach(rec -> {
      if (rec.method().equals("POST")) {
        postResults.merge(rec.edgeResultType(), 1, Integer::sum);
        assertTrue(rec.status() != 304, rec.toString());
      }
    });
    assertTrue(postResults.getOrDefault("Miss", 0) > 300, postResults.toString());
    assertTrue(Set.of("Miss", "Error").containsAll(postResults.keySet()), postResults.toString());
  }

  @Test
  void every_viewer_ip_geolocates_to_the_country_it_was_drawn_for() throws Exception {
    generate(dir, 2000, 11);
    Map<String, String> countryOfEdge = Map.of("ICN", "KR", "NRT", "JP", "SEA", "US", "LHR", "GB", "ARN", "SE");
    try (InputStream in = getClass().getResourceAsStream(TEST_DB);
        DatabaseReader db = new DatabaseReader.Builder(in).build()) {
      Map<String, Integer> checked = new HashMap<>();
      LogSource.of(List.of(dir.toString()), LogReadOptions.defaults().withThreads(1))
          .forEach(
              rec -> {
                try {
                  String got = db.country(InetAddress.getByName(rec.clientIp())).getCountry().getIsoCode();
                  String want = countryOfEdge.get(EdgeLocations.prefix(rec.edgeLocation()));
                  assertEquals(want, got, rec.clientIp());
                  checked.merge(want, 1, Integer::sum);
                } catch (IOException | GeoIp2Exception e) {
                  throw new AssertionError(rec.clientIp(), e);
                }
              });
      assertEquals(Set.of("KR", "JP", "US", "GB", "SE"), checked.keySet());
    }
  }

  @Test
  void the_same_seed_gives_the_same_bytes_and_another_seed_does_not() throws Exception {
    List<Path> a = generate(dir.resolve("a"), 1500, 3).files();
    List<Path> b = generate(dir.resolve("b"), 1500, 3).files();
    List<Path> c = generate(dir.resolve("c"), 1500, 4).files();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).getFileName(), b.get(i).getFileName());
      assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)));
    }
    assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a.get(0)), Files.readAllBytes(c.get(0))));
  }

  @Test
  void the_default_mix_is_valid_and_apportioning_is_exact() {
    GeneratorMix mix = GeneratorMix.defaults();
    assertEquals(24, mix.hours());
    assertArrayEquals(new long[] {3, 3, 4}, LogGenerator.apportion(10, new double[] {1, 1, 1.2}));
    assertArrayEquals(new long[] {7, 0, 3}, LogGenerator.apportion(10, new double[] {0.7, 0, 0.3}));
  }

  @Test
  void a_country_missing_from_the_geoip_database_is_bad_input() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(TEST_DB)) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> GeoNetworks.scan(in, "test.mmdb", Set.of("KR", "ZZ")));
      assertTrue(e.getMessage().contains("ZZ"), e.getMessage());
    }
  }

  @Test
  void a_mix_leaving_out_a_field_names_it_as_missing_not_malformed() throws IOException {
    String full = Files.readString(Path.of("src/test/resources/logs/test-db-mix.yaml"));
    Path bad = dir.resolve("partial.yaml");
    Files.writeString(bad, full.replaceAll("(?m)^host:.*\n", ""));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> GeneratorMix.read(bad));
    assertEquals("host", e.location());
    assertTrue(e.problem().startsWith("missing: a mix file gives every field of"), e.problem());
    // error statuses only matter when some results are errors
    Files.writeString(bad, full.replaceAll("(?m)^error_statuses:.*\n", "").replaceAll(",\\s*Error: [0-9.]+", ""));
    GeneratorMix.read(bad);
  }

  @Test
  void a_mix_with_an_unknown_edge_location_names_the_field() throws IOException {
    Path bad = dir.resolve("mix.yaml");
    String text = Files.readString(Path.of("src/test/resources/logs/test-db-mix.yaml"))
        .replace("[SEA19-C1]", "[QQQ1-C1]");
    Files.writeString(bad, text);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> GeneratorMix.read(bad));
    assertEquals("countries.US.edge_locations", e.location());
  }

  @Test
  void a_mix_is_read_as_profiles_are_so_a_tag_is_refused_not_dropped() throws IOException {
    // a plain Jackson mapper wrote '!!binary d3d3…' into x-host-header as its base64 text
    Path bad = dir.resolve("mix.yaml");
    String text = Files.readString(Path.of("src/test/resources/logs/test-db-mix.yaml"));
    Files.writeString(bad, text.replaceFirst("https_share: ", "https_share: !foo "));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> GeneratorMix.read(bad));
    assertTrue(e.problem().startsWith("YAML tags (!foo) are not supported"), e.getMessage());
    assertEquals(0.9, GeneratorMix.read(Path.of("src/test/resources/logs/test-db-mix.yaml")).httpsShare());
  }
}
