package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client that promises a body and stops sending it must not hold a request thread. */
class SlowClientTest {

  @Test
  void a_body_that_stops_arriving_is_answered_408_once_the_request_timeout_passes()
      throws IOException {
    ApiLimits oneSecond =
        new ApiLimits(64 * 1024, 32, 8192, 1024 * 1024, 1000, Duration.ofSeconds(1));
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0).withLimits(oneSecond));
        Socket socket = new Socket("127.0.0.1", server.api().port())) {
      socket.setSoTimeout(20_000); // a bound on the test, far past the server's 1 s
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/estimates HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"regions\":")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertEquals(200, server.get("/health").status());
    }
  }
}
