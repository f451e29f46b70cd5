package dev.cfsim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written to the server's socket byte for byte, for what {@code java.net.http} refuses
 * to send: bad escapes, missing or oversized headers, broken framing.
 */
final class RawHttp {
  private RawHttp() {}

  /** One answer: the status, the header block as text, and what followed it until close. */
  record Answer(int status, String head, String body) {
    boolean isProblem() {
      return head.toLowerCase(Locale.ROOT).contains("\ncontent-type: application/problem+json");
    }

    JsonNode json() {
      return RunningApi.Answer.parse(body);
    }
  }

  /** {@code GET target} with a Host header, closing the connection after the answer. */
  static Answer get(RunningApi server, String target) {
    return send(server, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /** Sends {@code request} as Latin-1 bytes and reads until the server closes the connection. */
  static Answer send(RunningApi server, String request) {
    try (Socket socket = new Socket("127.0.0.1", server.api().port())) {
      socket.setSoTimeout(30_000); // a bound on the test, far past the server's limits
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer parse(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    if (!answer.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP answer: " + answer);
    }
    int status = Integer.parseInt(answer.substring(9, 12));
    return new Answer(status, answer.substring(0, end), answer.substring(end + 4));
  }
}
