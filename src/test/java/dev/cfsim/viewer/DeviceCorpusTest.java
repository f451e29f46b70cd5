package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs the detector over the labelled corpus (src/test/resources/viewer/user-agents.tsv, see
 * make-corpus.py there) and reports accuracy per class. Every miss must be listed, with its
 * reason, in user-agent-exceptions.tsv; a listed exception that no longer misses fails too.
 */
class DeviceCorpusTest {

  record Labelled(String cls, DeviceFlags expected, String userAgent, String source) {}

  static List<Labelled> corpus() throws IOException {
    List<Labelled> rows = new ArrayList<>();
    for (String line : lines("/viewer/user-agents.tsv")) {
      String[] f = line.split("\t", -1);
      rows.add(new Labelled(f[0], new DeviceFlags(bool(f[1]), bool(f[2]), bool(f[3]),
          bool(f[4]), bool(f[5]), bool(f[6])), f[7], f[8]));
    }
    return rows;
  }

  @Test
  void the_corpus_has_at_least_300_user_agents_in_every_class() throws IOException {
    List<Labelled> rows = corpus();
    assertTrue(rows.size() >= 300, "corpus size " + rows.size());
    Set<String> classes = new TreeSet<>();
    rows.forEach(r -> classes.add(r.cls()));
    assertEquals(Set.of("phone", "tablet", "desktop", "smarttv", "console", "bot", "in-app",
        "empty"), classes);
  }

  @Test
  void every_class_is_classified_as_labelled_except_the_listed_exceptions() throws IOException {
    DeviceDetector detector = new DeviceDetector(DeviceRules.DEFAULT);
    Set<String> exceptions = new TreeSet<>();
    for (String line : lines("/viewer/user-agent-exceptions.tsv")) {
      exceptions.add(line.split("\t", -1)[0]);
    }
    Map<String, int[]> perClass = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    Set<String> staleExceptions = new TreeSet<>(exceptions);
    for (Labelled r : corpus()) {
      DeviceFlags got = detector.detect(r.userAgent());
      int[] counts = perClass.computeIfAbsent(r.cls(), k -> new int[2]);
      counts[1]++;
      if (got.equals(r.expected())) {
        counts[0]++;
      } else if (!staleExceptions.remove(r.userAgent())) {
        unexpected.add(r.cls() + " expected " + r.expected() + " got " + got + ": "
            + r.userAgent() + " [" + r.source() + "]");
      }
    }
    StringBuilder report = new StringBuilder("User-Agent corpus accuracy per class:\n");
    perClass.forEach((cls, c) -> report.append(String.format("  %-8s %3d/%3d  %6.2f%%%n",
        cls, c[0], c[1], 100.0 * c[0] / c[1])));
    System.out.print(report);
    assertEquals(List.of(), unexpected, report.toString());
    assertEquals(Set.of(), staleExceptions, "listed exceptions that are now classified right");
  }

  private static boolean bool(String s) {
    return Boolean.parseBoolean(s);
  }

  private static List<String> lines(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        DeviceCorpusTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
