package dev.cfsim.bench;

import io.javalin.Javalin;

/**
 * The baseline for {@code bench/load-api}: Javalin with one route that answers "hello" and none
 * of cfsim's configuration, so the load script can show what our own code adds per request.
 */
public final class BareJavalinHello {
  private BareJavalinHello() {}

  /** Usage: {@code BareJavalinHello PORT}; listens on 127.0.0.1 until killed. */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin.create(config -> config.showJavalinBanner = false)
        .get("/hello", ctx -> ctx.result("hello"))
        .start("127.0.0.1", port);
  }
}
