package dev.cfsim.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.InvalidInputException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cfsim HTTP server: the REST API under {@code /api/v1}, its OpenAPI document and the web
 * calculator, in one Javalin app. Everything is configured here up front; the routes themselves
 * live in one small class per resource.
 */
public final class CfsimApi {
  private static final Logger LOG = LoggerFactory.getLogger(CfsimApi.class);

  /** Prefix of every versioned API route. */
  public static final String V1 = "/api/v1";

  private static final Set<HandlerType> ROUTE_TYPES =
      EnumSet.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
          HandlerType.DELETE);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ApiSettings settings;
  private final List<String> routes = Collections.synchronizedList(new ArrayList<>());
  private final Javalin app;
  private final TimeLimitedWork work;
  private volatile Server jetty;

  private CfsimApi(ApiSettings settings) {
    this.settings = settings;
    ObjectMapper mapper = new ObjectMapper();
    RequestBodies bodies = new RequestBodies(settings.limits());
    this.app = Javalin.create(config -> configure(config, mapper));
    app.get("/health", ctx -> {
      QueryParameters.requireNone(ctx);
      ctx.json(Map.of("status", "ok"));
    });
    app.get("/openapi.json", new OpenApiRoute());
    PriceBookCatalog books = PriceBookCatalog.shipped();
    this.work = new TimeLimitedWork(settings.limits().requestTimeout());
    new EstimateRoutes(bodies, books).register(app);
    new PriceBookRoutes(books).register(app);
    new FunctionRoutes(bodies, work, mapper).register(app);
    new EmulationRoutes(settings.limits(), books, work).register(app);
    app.exception(ProblemException.class, (e, ctx) -> answer(ctx, e));
    app.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, invalidInput(e)));
    app.exception(HttpResponseException.class, CfsimApi::answerJavalin);
    app.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
    app.error(404, ctx -> answerUnlessProblem(ctx, detail(ctx, 404)));
    app.error(405, ctx -> answerUnlessProblem(ctx, detail(ctx, 405)));
  }

  /** Builds the server; nothing listens until {@link #start()}. */
  public static CfsimApi create(ApiSettings settings) {
    return new CfsimApi(settings);
  }

  /** Starts listening; returns once the port is bound. */
  public CfsimApi start() {
    app.start();
    // Set only once started: a graceful stop of a server that failed to bind would hide the
    // bind error behind an "already stopped" one.
    jetty.setStopTimeout(STOP_GRACE.toMillis());
    return this;
  }

  /**
   * Stops accepting connections, lets requests in flight finish (up to 10 s; a body that stops
   * arriving for a second meanwhile is answered 503), then stops. Safe
   * to call from a shutdown hook and more than once.
   */
  public void stop() {
    app.stop();
    work.close();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** Base URL of the running server, e.g. {@code http://127.0.0.1:7070}. */
  public String baseUrl() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + port();
  }

  /** Every route served, as {@code METHOD /path} with Javalin's {@code {param}} syntax. */
  public List<String> routes() {
    synchronized (routes) {
      return List.copyOf(routes);
    }
  }

  private void configure(JavalinConfig config, ObjectMapper mapper) {
    config.showJavalinBanner = false;
    config.startupWatcherEnabled = false;
    config.jsonMapper(new JavalinJackson(mapper, false));
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = settings.limits().maxBodyBytes();
    config.http.generateEtags = false;
    config.router.ignoreTrailingSlashes = true;
    config.events.handlerAdded(
        meta -> {
          if (ROUTE_TYPES.contains(meta.getHttpMethod())) {
            routes.add(meta.getHttpMethod() + " " + meta.getPath());
          }
        });
    // The page is a static file, which no handler event announces; it is served all the same,
    // and the OpenAPI document lists it beside the other routes outside /api/v1.
    routes.add("GET /");
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/web";
          files.location = Location.CLASSPATH;
          files.headers =
              Map.of(
                  "X-Content-Type-Options", "nosniff",
                  "Content-Security-Policy",
                      "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:",
                  "Cache-Control", "no-cache");
        });
    if (!settings.corsOrigins().isEmpty()) {
      config.bundledPlugins.enableCors(
          cors ->
              cors.addRule(
                  rule -> {
                    List<String> origins = settings.corsOrigins();
                    rule.allowHost(
                        origins.get(0),
                        origins.subList(1, origins.size()).toArray(String[]::new));
                  }));
    }
    long timeoutMs = settings.limits().requestTimeout().toMillis();
    // Requests are CPU-bound and short: a few threads per core keep the cores busy without the
    // context switching of Jetty's default 250, which shows up as tail latency.
    int cores = Runtime.getRuntime().availableProcessors();
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, cores * 8), Math.max(4, cores));
    threads.setName("cfsim-http");
    config.jetty.threadPool = threads;
    config.jetty.modifyServer(
        server -> {
          // The statistics handler counts requests in flight, which lets stop() wait for them.
          server.setHandler(new StatisticsHandler());
          server.setErrorHandler(new ProblemErrorHandler(mapper));
          server.setStopAtShutdown(false);
          jetty = server;
        });
    config.jetty.addConnector(
        (server, httpConfig) -> {
          ServerConnector connector =
              new ServerConnector(server, new HttpConnectionFactory(httpConfig));
          connector.setHost(settings.host());
          connector.setPort(settings.port());
          connector.setIdleTimeout(timeoutMs);
          return connector;
        });
  }

  private static ProblemException invalidInput(InvalidInputException e) {
    if (e.location().startsWith("?")) {
      // a query parameter the log reader judged (?fields=…): a 400 naming it, as for the others
      String parameter = e.location().substring(1);
      return ProblemException.badParameter(parameter, (e.source().isEmpty() ? "" : e.source() + ": ") + e.problem());
    }
    String detail = e.problem();
    if (!e.location().isEmpty()) {
      detail = e.location() + ": " + detail;
    }
    if (!e.source().isEmpty() && !e.source().equals(RequestBodies.BODY)) {
      // an upload's part, by the filename its sender gave it ("access.log", "rules part"): which
      // of the two the location is in
      detail = e.source() + ": " + detail;
    }
    return ProblemException.invalidInput(detail, JsonPaths.fromLocation(e.location()));
  }

  /** Javalin's own refusals (404, 405) as problems; a 405 says which methods would do. */
  private static void answerJavalin(HttpResponseException e, Context ctx) {
    String detail = detail(ctx, e);
    if (e.getStatus() == 405) {
      String allowed =
          e.getDetails().getOrDefault("availableMethods",
              e.getDetails().getOrDefault("Available methods", ""));
      if (!allowed.isBlank()) {
        ctx.header("Allow", allowed.replace(" ", ""));
        detail += " (allowed: " + allowed + ")";
      }
    }
    answer(ctx, e.getStatus(), detail);
  }

  /** Javalin's own messages repeat the status phrase; say what was asked instead. */
  private static String detail(Context ctx, HttpResponseException e) {
    String phrase = HttpStatus.forStatus(e.getStatus()).getMessage();
    return e.getMessage() == null || e.getMessage().equals(phrase)
        ? detail(ctx, e.getStatus())
        : e.getMessage();
  }

  private static String detail(Context ctx, int status) {
    switch (status) {
      case 404:
        return "no such route: " + ctx.method() + " " + ctx.path();
      case 405:
        return ctx.method() + " is not allowed on " + ctx.path();
      default:
        return HttpStatus.forStatus(status).getMessage();
    }
  }

  private static void answer(Context ctx, ProblemException e) {
    write(ctx, e.toProblem(ctx.path()));
  }

  private static void answer(Context ctx, int status, String detail) {
    write(ctx, Problem.ofStatus(status, detail, ctx.path()));
  }

  private static void answerUnlessProblem(Context ctx, String detail) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
      answer(ctx, ctx.statusCode(), detail);
    }
  }

  private static void internalError(Context ctx, Exception e) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    answer(ctx, 500, "cfsim failed to answer this request; the server log has the details");
  }

  private static void write(Context ctx, Problem problem) {
    ctx.status(problem.status());
    ctx.json(problem);
    ctx.contentType(Problem.MEDIA_TYPE);
  }
}
