package dev.cfsim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real cfsim server on a free loopback port, and a client that calls it over HTTP. */
final class RunningApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  static {
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "off");
  }

  private final CfsimApi api;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningApi(ApiSettings settings) {
    this.api = CfsimApi.create(settings).start();
  }

  static RunningApi start() {
    return new RunningApi(ApiSettings.loopback(0));
  }

  static RunningApi start(ApiSettings settings) {
    return new RunningApi(settings);
  }

  CfsimApi api() {
    return api;
  }

  String url(String path) {
    return api.baseUrl() + path;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  Answer postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  Answer post(String path, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path)))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          client.send(request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    api.stop();
  }

  /** One HTTP answer. */
  record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() {
      return parse(body);
    }

    static JsonNode parse(String text) {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text, e);
      }
    }

    boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }
  }
}
