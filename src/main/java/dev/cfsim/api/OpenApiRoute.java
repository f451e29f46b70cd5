package dev.cfsim.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document, kept by hand next to the routes (a test
 * checks the two agree) so it reads as a contract rather than as generated noise.
 */
final class OpenApiRoute implements Handler {
  /** Where the document sits on the classpath. */
  static final String RESOURCE = "/api/openapi.json";

  private final byte[] document;

  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(Context ctx) {
    QueryParameters.requireNone(ctx);
    ctx.contentType("application/json").result(document);
  }
}
