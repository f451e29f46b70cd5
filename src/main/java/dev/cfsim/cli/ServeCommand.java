package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.api.ApiLimits;
import dev.cfsim.api.ApiSettings;
import dev.cfsim.api.CfsimApi;
import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cfsim serve}: the REST API and the web calculator in one process, until SIGTERM or
 * Ctrl-C, when requests in flight are allowed to finish.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the REST API (/api/v1, described at /openapi.json) and the web cost calculator (/).",
      "Listens on loopback unless told otherwise; SIGTERM or Ctrl-C stops it gracefully."
    },
    footer = {
      "",
      "Example:  cfsim serve --port 7070   then open http://127.0.0.1:7070/",
      "          curl -s -H 'Content-Type: application/json' -d @profile.json \\",
      "               http://127.0.0.1:7070/api/v1/estimates"
    })
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "7070", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description = "Let pages from this origin call the API (repeatable, e.g. https://dash.example.com). CORS is off without it.")
  List<String> corsOrigins = new ArrayList<>();

  @Spec CommandSpec spec;

  @Option(names = "--max-body-kb", defaultValue = "64", description = "Largest JSON request body in KiB (default ${DEFAULT-VALUE}).")
  int maxBodyKb;

  @Option(names = "--request-timeout", defaultValue = "10", paramLabel = "SECONDS", description = "Longest a request may take (default ${DEFAULT-VALUE} s); and the time a body has to arrive (a log upload: this per --max-body-kb).")
  int requestTimeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    checkOptions();
    if (!isLoopback(host)) {
      System.err.println("cfsim: warning: listening on " + host + ", not loopback: the API has no authentication");
    }
    ApiLimits d = ApiLimits.DEFAULT;
    ApiLimits limits =
        new ApiLimits(maxBodyKb * 1024L, d.maxJsonDepth(), d.maxStringLength(), d.maxUploadBytes(),
            d.maxUploadRecords(), Duration.ofSeconds(requestTimeoutSeconds));
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "off");
    CfsimApi api;
    try {
      api = CfsimApi.create(new ApiSettings(host, port, corsOrigins, limits)).start();
    } catch (JavalinBindException e) {
      System.err.println("cfsim: cannot listen on " + host + ":" + port + " (in use, or not an address of this machine)");
      return Main.EXIT_BAD_INPUT;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("cfsim: stopping (letting requests in flight finish)");
                  api.stop();
                  System.err.println("cfsim: stopped");
                  stopped.countDown();
                },
                "cfsim-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("cfsim: serving " + api.baseUrl() + "/ (API under /api/v1, OpenAPI at /openapi.json)");
    out.flush();
    stopped.await();
    return Main.EXIT_OK;
  }

  /** Usage errors (exit 2, one line naming the option) before anything is bound. */
  private void checkOptions() {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("--port", "", "must be 0-65535 (0 picks a free port), got: " + port);
    }
    if (maxBodyKb <= 0) {
      throw new InvalidInputException("--max-body-kb", "", "must be positive, got: " + maxBodyKb);
    }
    if (requestTimeoutSeconds <= 0) {
      throw new InvalidInputException(
          "--request-timeout", "", "must be positive, got: " + requestTimeoutSeconds);
    }
    corsOrigins.forEach(ServeCommand::checkOrigin);
  }

  /**
   * An origin as browsers send it: {@code http} or {@code https}, a host and perhaps a port,
   * nothing else ({@code *}, {@code null}, a path or a bare name would be refused by the CORS
   * plugin, or match no page).
   */
  static void checkOrigin(String origin) {
    URI uri = null;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      // refused below
    }
    boolean ok = uri != null
        && uri.getScheme() != null
        && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
        && uri.getHost() != null
        && uri.getRawUserInfo() == null
        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
        && uri.getRawQuery() == null
        && uri.getRawFragment() == null;
    if (!ok) {
      throw new InvalidInputException("--cors-origin", "", "'" + origin + "' is not an origin: give "
          + "scheme://host[:port] with no path, e.g. https://dash.example.com or http://localhost:3000");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
