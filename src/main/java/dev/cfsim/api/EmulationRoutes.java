package dev.cfsim.api;

import dev.cfsim.emulator.Emulation;
import dev.cfsim.emulator.EmulationFormat;
import dev.cfsim.emulator.EmulationReport;
import dev.cfsim.emulator.MonthScale;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogFormat;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogReadOptions.OptionNames;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.GeoDatabases;
import dev.cfsim.viewer.ViewerEnricher;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /api/v1/emulations}: a small recorded log (plain or gzip) and a rules file, as
 * {@code multipart/form-data} parts {@code log} and {@code rules}, replayed as {@code cfsim
 * emulate} does; the answer is its JSON report. Uploads are bounded in bytes (after
 * decompression) and in records, and the replay in time.
 */
final class EmulationRoutes {
  static final String RULES_SOURCE = "rules part";
  private static final List<String> PARAMETERS = List.of("price_book", "scale_to_month", "month_requests",
      "log_format", "fields", "sampling_rate");
  /** The log reader's options as this route takes them, so its messages name them so. */
  static final OptionNames QUERY_OPTIONS = new OptionNames("?log_format", "?fields", "?sampling_rate", true);

  private final ApiLimits limits;
  private final PriceBookCatalog books;
  private final TimeLimitedWork work;
  /** One set of geo and device caches for every request; each request counts on its own. */
  private final ViewerEnricher viewers;
  private final EdgeLocations edges;

  EmulationRoutes(ApiLimits limits, PriceBookCatalog books, TimeLimitedWork work) {
    this.limits = limits;
    this.books = books;
    this.work = work;
    this.viewers = ViewerEnricher.builder().geo(GeoDatabases.embedded()).build();
    this.edges = EdgeLocations.builtIn();
  }

  void register(Javalin app) {
    app.post(CfsimApi.V1 + "/emulations", this::emulate);
  }

  private void emulate(Context ctx) {
    QueryParameters query = QueryParameters.read(ctx, PARAMETERS);
    boolean scaleToMonth = query.flag("scale_to_month", false);
    Long monthRequests = query.wholeNumber("month_requests", 1, MonthScale.MAX_MONTHLY_REQUESTS);
    if (monthRequests != null && scaleToMonth) {
      throw ProblemException.badParameter("month_requests", "give scale_to_month or month_requests, not both");
    }
    Function<TrafficTally, MonthScale> monthScale = monthRequests != null
        ? MonthScale.toRequests(BigDecimal.valueOf(monthRequests)) : MonthScale.of(scaleToMonth);
    PriceBook book = books.forParameter(query.get("price_book"));
    LogReadOptions readOptions = readOptions(query);
    LogUpload upload = LogUpload.receive(ctx, limits);
    try {
      RulesFile rules = RulesReader.parse(upload.rules(), RULES_SOURCE);
      String json = work.run(() -> {
        ViewerEnricher enricher = viewers.forRun();
        LogSource source = LogSource.named(upload.log(), upload.logName(), readOptions);
        EmulationReport report = new Emulation(rules, enricher, edges, book,
            monthScale).run(source);
        if (report.counts().records() == 0) {
          // as the CLI: a report of zeros over nothing would read as "the rules do nothing"
          // no JSON path: the fault is the whole log part, which the detail names
          throw ProblemException.invalidInput("the " + upload.logName() + " holds no records"
              + report.malformedWarning().map(w -> " (" + w + ")").orElse(""), null);
        }
        return EmulationFormat.JSON.render(report);
      });
      ctx.contentType("application/json").result(json);
    } finally {
      upload.delete();
    }
  }

  /** As the CLI's --log-format, --fields and --sampling-rate; one thread, as uploads are small. */
  private static LogReadOptions readOptions(QueryParameters query) {
    LogReadOptions options = LogReadOptions.defaults().withThreads(1).namedAs(QUERY_OPTIONS);
    String format = query.get("log_format");
    if (format != null) {
      options = options.withFormat(LogFormat.fromId(format).orElseThrow(() -> ProblemException.badParameter(
          "log_format", "unknown format '" + format + "'; one of standard, w3c, plain, json, realtime")));
    }
    String fields = query.get("fields");
    if (fields != null) {
      List<String> names = List.of(fields.split(",", -1));
      if (names.stream().anyMatch(String::isBlank)) {
        throw ProblemException.badParameter("fields", "a comma-separated list of field names, without empty ones");
      }
      options = options.withFields(names.stream().map(String::strip).toList());
    }
    Long rate = query.wholeNumber("sampling_rate", 1, 100);
    return rate == null ? options : options.withSamplingRate(rate.intValue());
  }
}
