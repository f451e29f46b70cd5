package dev.cfsim.api;

import static dev.cfsim.api.RequestLimitsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Bodies are read as UTF-8 only: other declared charsets are 415, malformed bytes 400. */
class CharsetTest extends LoopbackServerTest {
  private static final String ESTIMATES = "/api/v1/estimates";
  private static final String GENERATE = "/api/v1/functions/generate?check=false";

  private static RunningApi.Answer post(String path, String contentType, byte[] body) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A profile whose name holds {@code bytes}, as sent: not necessarily UTF-8. */
  private static byte[] profileNamed(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"name\": \"".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
    String rest = Profiles.KOREA_MALL.strip().replaceFirst("^\\{\"name\": \"korea-mall\"", "\"");
    out.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void utf_8_and_us_ascii_in_any_case_and_quoted_are_accepted() {
    byte[] body = Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8);
    for (String charset : new String[] {"utf-8", "UTF-8", "\"utf-8\"", "us-ascii", "US-ASCII"}) {
      RunningApi.Answer a = post(ESTIMATES, "application/json; charset=" + charset, body);
      assertEquals(200, a.status(), charset + ": " + a.body());
    }
  }

  @Test
  void another_declared_charset_is_415_naming_it() {
    byte[] body = Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8);
    for (String charset : new String[] {"iso-8859-1", "UTF-16", "shift_jis", "no-such-charset"}) {
      RunningApi.Answer a = post(ESTIMATES, "application/json; charset=" + charset, body);
      assertProblem(a, 415);
      // Jetty's header cache may hand a well-known charset over in its own case
      String detail = a.json().get("detail").asText().toLowerCase(Locale.ROOT);
      assertTrue(detail.contains(charset.toLowerCase(Locale.ROOT)), a.body());
    }
    byte[] rules = "rules: []".getBytes(StandardCharsets.UTF_8);
    assertProblem(post(GENERATE, "application/yaml; charset=latin1", rules), 415);
  }

  @Test
  void malformed_utf_8_is_400_naming_the_body_not_replaced() {
    // a stray byte, a cut sequence, Latin-1 text, an encoded surrogate
    byte[][] malformed = {
      {(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xe9, 't', 'e'}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}
    };
    for (byte[] bad : malformed) {
      RunningApi.Answer a = post(ESTIMATES, "application/json", profileNamed(bad));
      assertProblem(a, 400);
      String detail = a.json().get("detail").asText();
      assertTrue(detail.startsWith("the request body is not valid UTF-8"), a.body());
    }
    byte[] rules = "rules: [{id: caf\u00e9, when: {path: /x}, pass: true}]"
        .getBytes(StandardCharsets.ISO_8859_1);
    RunningApi.Answer a = post(GENERATE, "application/yaml", rules);
    assertProblem(a, 400);
    assertTrue(a.json().get("detail").asText().contains("not valid UTF-8"), a.body());
  }

  @Test
  void a_rules_file_part_that_is_not_utf_8_is_400_naming_the_part() throws Exception {
    byte[] log = Files.readAllBytes(Path.of("src/test/resources/emulator/shop-sample.log"));
    byte[] rules = Files.readString(Path.of("examples/rules/shop.yaml"))
        .replace("shop", "sh\u00f6p")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] body =
        new Multipart().file("log", "access.log", log).file("rules", "rules.yaml", rules).bytes();
    RunningApi.Answer a = post("/api/v1/emulations", Multipart.CONTENT_TYPE, body);
    assertProblem(a, 400);
    String detail = a.json().get("detail").asText();
    assertTrue(detail.startsWith("the rules part is not valid UTF-8"), a.body());
  }

  @Test
  void valid_non_ascii_utf_8_is_read_as_sent() {
    RunningApi.Answer a = post(ESTIMATES, "application/json",
        profileNamed("Caf\u00e9 \uD55C\uAD6D".getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, a.status(), a.body());
  }

  @Test
  void one_leading_byte_order_mark_is_skipped_as_the_cli_skips_it() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    RunningApi.Answer estimate = post(ESTIMATES, "application/json",
        withBom(bom, Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, estimate.status(), estimate.body());
    assertEquals(post(ESTIMATES, "application/json",
        Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8)).body(), estimate.body());

    byte[] rules = Files.readAllBytes(Path.of("examples/rules/shop.yaml"));
    RunningApi.Answer generated = post(GENERATE, "application/yaml", withBom(bom, rules));
    assertEquals(200, generated.status(), generated.body());

    byte[] log = Files.readAllBytes(Path.of("src/test/resources/emulator/shop-sample.log"));
    byte[] body = new Multipart().file("log", "access.log", log)
        .file("rules", "rules.yaml", withBom(bom, rules)).bytes();
    RunningApi.Answer emulated = post("/api/v1/emulations", Multipart.CONTENT_TYPE, body);
    assertEquals(200, emulated.status(), emulated.body());

    byte[] two = withBom(bom, withBom(bom, Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8)));
    assertProblem(post(ESTIMATES, "application/json", two), 400); // one is a mark, two are text
  }

  private static byte[] withBom(byte[] bom, byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text);
    return out.toByteArray();
  }
}
