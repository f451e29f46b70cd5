package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code cfsim serve} as a user runs it: a separate JVM, stopped with SIGTERM. */
class ServeCommandTest {

  @Test
  void serve_answers_on_the_printed_address_and_stops_gracefully_on_sigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.cfsim.cli.Main", "serve", "--port", "0")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String url = serverUrl(out);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(url + "health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());

      process.toHandle().destroy(); // SIGTERM; unlike Process.destroy() it leaves stdout open
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
      String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(rest.contains("cfsim: stopped"), rest);
    } finally {
      process.destroyForcibly();
    }
  }

  private static String serverUrl(BufferedReader out) throws IOException {
    Pattern serving = Pattern.compile("cfsim: serving (http://127\\.0\\.0\\.1:\\d+/)");
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = serving.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("serve never said where it listens:\n" + seen);
  }
}
