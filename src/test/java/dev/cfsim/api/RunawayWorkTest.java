package dev.cfsim.api;

import static dev.cfsim.api.RequestLimitsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Work the API gives up on must stop, not only its answer: a rule whose regex backtracks for
 * hours would otherwise leave a thread spinning per request after the 503.
 */
class RunawayWorkTest {

  @Test
  void a_backtracking_regex_stops_running_once_the_request_times_out() throws IOException, InterruptedException {
    ApiLimits oneSecond = new ApiLimits(64 * 1024, 32, 8192, 1024 * 1024, 1000, Duration.ofSeconds(1));
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/emulator/shop-sample.log"));
    String[] fields = lines.get(2).split("\t", -1);
    // cs(User-Agent): the one repeat EcmaRegex allows searches it in quadratic time (40,000 a's
    // took 1.4 s; these take minutes)
    fields[10] = "a".repeat(900_000);
    byte[] log = String.join("\n", lines.get(0), lines.get(1), String.join("\t", fields), "")
        .getBytes(StandardCharsets.UTF_8);
    String rules = """
        rules:
          - id: slow
            when: { header: { user-agent: { matches: "a*!" } } }
            pass: true
        """;
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0).withLimits(oneSecond))) {
      byte[] body = new Multipart().file("log", "access.log", log).text("rules", rules).bytes();
      RunningApi.Answer a = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/emulations")))
          .header("Content-Type", Multipart.CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertProblem(a, 503);
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the search alone takes minutes
      while (searching() && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertTrue(!searching(), "a thread is still searching after the 503");
    }
  }

  private static boolean searching() {
    for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
      if (Arrays.stream(t.getValue()).anyMatch(f -> f.getClassName().startsWith("java.util.regex.Pattern"))) {
        return true;
      }
    }
    return false;
  }
}
