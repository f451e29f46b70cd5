package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that promises a body and sends it slowly, or not at all, must not hold a thread. */
class SlowClientTest {
  /** Bodies must arrive within 2 s of their first read; idle connections close after 2 s. */
  private static final ApiLimits TWO_SECONDS =
      new ApiLimits(64 * 1024, 32, 8192, 1024 * 1024, 1000, Duration.ofSeconds(2));

  /** An estimate body, sent in two pieces. */
  private static final String ESTIMATE_START = "{\"name\":\"t\",";
  private static final String ESTIMATE_REST = "\"regions\":{\"us\":{\"requests\":1}}}";

  /** How long the test waits for a cut-off: far past the limits, far short of the trickle. */
  private static final int BOUND_MS = 20_000;

  @Test
  void a_body_that_stops_arriving_is_answered_408_once_the_request_timeout_passes()
      throws IOException {
    ApiLimits oneSecond =
        new ApiLimits(64 * 1024, 32, 8192, 1024 * 1024, 1000, Duration.ofSeconds(1));
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0).withLimits(oneSecond));
        Socket socket = startPost(server, 100, "{\"regions\":")) {
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertEquals(200, server.get("/health").status());
    }
  }

  @Test
  void a_body_trickling_in_a_byte_at_a_time_is_cut_off_long_before_it_would_finish()
      throws Exception {
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0).withLimits(TWO_SECONDS));
        Trickler trickler = new Trickler(server)) {
      String answer = trickler.answer(); // the trickle would take 8 hours
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
      if (!answer.isEmpty()) {
        assertTrue(answer.contains("application/problem+json") && answer.contains("did not arrive within 2 s"),
            answer);
      }
    }
  }

  @Test
  void a_small_body_that_pauses_mid_way_is_answered_as_usual() throws Exception {
    // Jetty's minimum data rate, averaged from the first byte, cut this off with 408.
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0));
        Socket socket = startPost(server, ESTIMATE_START.length() + ESTIMATE_REST.length(), ESTIMATE_START)) {
      Thread.sleep(300);
      String answer = finish(socket, ESTIMATE_REST);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void an_upload_that_pauses_mid_way_is_answered_as_usual() throws Exception {
    byte[] body = new Multipart()
        .file("log", "access.log", Files.readAllBytes(Path.of("src/test/resources/emulator/shop-sample.log")))
        .text("rules", Files.readString(Path.of("examples/rules/shop.yaml"))).bytes();
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0));
        Socket socket = startPost(server, "/api/v1/emulations", Multipart.CONTENT_TYPE, body.length,
            new String(body, 0, 300, StandardCharsets.ISO_8859_1))) {
      Thread.sleep(300);
      OutputStream out = socket.getOutputStream();
      out.write(body, 300, body.length - 300);
      out.flush();
      String answer = readResponse(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void an_upload_trickling_in_is_cut_off_once_its_time_is_up() throws Exception {
    ApiLimits oneSecond =
        new ApiLimits(64 * 1024, 32, 8192, 1024 * 1024, 1000, Duration.ofSeconds(1));
    String head = "--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"log\"; "
        + "filename=\"a.log\"\r\n\r\n";
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0).withLimits(oneSecond));
        Socket socket = startPost(server, "/api/v1/emulations", Multipart.CONTENT_TYPE, 5000, head)) {
      Thread writer = new Thread(() -> {
        try {
          OutputStream out = socket.getOutputStream();
          for (int i = 0; i < BOUND_MS / 200; i++) {
            out.write('x');
            out.flush();
            Thread.sleep(200);
          }
        } catch (IOException | InterruptedException e) {
          // cut off by the server
        }
      });
      writer.setDaemon(true);
      writer.start();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      writer.interrupt();
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(answer.contains("did not arrive within 1 s"), answer);
    }
  }

  @Test
  void an_upload_still_arriving_when_the_server_stops_is_answered_503_saying_so()
      throws Exception {
    String head = "--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"log\"; "
        + "filename=\"a.log\"\r\n\r\n";
    RunningApi server = RunningApi.start(ApiSettings.loopback(0)); // the upload may take minutes
    Thread stopper = new Thread(server::close, "stopper");
    try (Socket socket = startPost(server, "/api/v1/emulations", Multipart.CONTENT_TYPE, 5000, head)) {
      Thread.sleep(300); // the request is being read
      stopper.start();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // Before: a 408 saying the body "stopped arriving for 10 s", or no answer at all.
      assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
      assertTrue(answer.contains("application/problem+json") && answer.contains("the server is stopping"),
          answer);
    } finally {
      stopper.join(BOUND_MS);
    }
  }

  @Test
  void a_body_that_finishes_arriving_soon_after_a_stop_begins_is_answered_as_usual() throws Exception {
    RunningApi server = RunningApi.start(ApiSettings.loopback(0));
    Thread stopper = new Thread(server::close, "stopper");
    try (Socket socket = startPost(server, ESTIMATE_START.length() + ESTIMATE_REST.length(), ESTIMATE_START)) {
      Thread.sleep(300);
      stopper.start();
      Thread.sleep(300); // the stop has begun, well inside its 1 s shutdown idle timeout
      String answer = finish(socket, ESTIMATE_REST);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    } finally {
      stopper.join(BOUND_MS);
    }
  }

  /** Sends the rest of a body; returns the status line and headers of the response. */
  private static String finish(Socket socket, String rest) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(rest.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return readResponse(socket.getInputStream());
  }

  /** The status line and headers of one response (the connection stays open). */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void clients_trickling_bodies_on_more_connections_than_threads_leave_health_answering()
      throws Exception {
    try (RunningApi server = RunningApi.start(ApiSettings.loopback(0).withLimits(TWO_SECONDS))) {
      List<Trickler> tricklers = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) {
          tricklers.add(new Trickler(server));
        }
        assertEquals(200, server.get("/health").status()); // RunningApi waits at most 20 s
      } finally {
        for (Trickler t : tricklers) {
          t.close();
        }
      }
    }
  }

  /** Opens a connection and sends an estimate's headers and {@code bodyStart}, but no more. */
  private static Socket startPost(RunningApi server, int contentLength, String bodyStart)
      throws IOException {
    return startPost(server, "/api/v1/estimates", "application/json", contentLength, bodyStart);
  }

  /** Opens a connection and sends a POST's headers and {@code bodyStart} (Latin-1), no more. */
  private static Socket startPost(RunningApi server, String path, String contentType,
      int contentLength, String bodyStart) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.api().port());
    socket.setSoTimeout(BOUND_MS);
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n"
            + bodyStart)
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  /**
   * Posts the headers of a 60,000-byte estimate body, then one byte every half second (well
   * inside the idle timeout) until the server cuts it off or the test's bound passes.
   */
  private static final class Trickler implements AutoCloseable {
    private final Socket socket;
    private final Thread writer;

    Trickler(RunningApi server) throws IOException {
      socket = startPost(server, 60_000, "");
      OutputStream out = socket.getOutputStream();
      writer = new Thread(() -> {
        try {
          for (int i = 0; i < BOUND_MS / 500; i++) {
            out.write(i == 0 ? '{' : ' ');
            out.flush();
            Thread.sleep(500);
          }
        } catch (IOException | InterruptedException e) {
          // cut off by the server, or stopped by the test: either way, done
        }
      }, "trickler");
      writer.setDaemon(true);
      writer.start();
    }

    /** What the server answered before closing; empty if it closed without a word. */
    String answer() throws IOException {
      InputStream in = socket.getInputStream();
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server still took the trickle after " + BOUND_MS + " ms", e);
      } catch (IOException e) {
        return ""; // reset: the server closed the connection on the trickle
      }
    }

    @Override
    public void close() {
      writer.interrupt();
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
