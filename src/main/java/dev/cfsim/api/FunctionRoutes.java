package dev.cfsim.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.function.FunctionGenerator;
import dev.cfsim.function.FunctionRuntime;
import dev.cfsim.function.FunctionsJsProject;
import dev.cfsim.function.RuntimeCheck;
import dev.cfsim.function.Shipping;
import dev.cfsim.rules.RuleWarning;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.CloudFrontHeader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/functions/generate}: a rules file in, the CloudFront Function that
 * implements it out, with its size against CloudFront's limit and the result of the runtime
 * check in Node, as {@code cfsim generate} does.
 */
final class FunctionRoutes {
  static final String SOURCE = RequestBodies.BODY;
  private static final List<String> PARAMETERS = List.of("runtime", "check");

  private final RequestBodies bodies;
  private final TimeLimitedWork work;
  private final ObjectMapper mapper;

  FunctionRoutes(RequestBodies bodies, TimeLimitedWork work, ObjectMapper mapper) {
    this.bodies = bodies;
    this.work = work;
    this.mapper = mapper;
  }

  void register(Javalin app) {
    app.post(CfsimApi.V1 + "/functions/generate", this::generate);
  }

  private void generate(Context ctx) throws IOException {
    QueryParameters query = QueryParameters.read(ctx, PARAMETERS);
    boolean check = query.flag("check", true);
    String text = bodies.readRulesText(ctx);
    RulesFile file = RulesReader.parse(text, SOURCE);
    String runtimeId = query.get("runtime");
    FunctionRuntime runtime;
    try {
      runtime = FunctionRuntime.resolve(runtimeId, "runtime", file);
    } catch (InvalidInputException e) {
      if (runtimeId == null) {
        throw e;
      }
      throw ProblemException.badParameter("runtime", e.problem());
    }
    String code = FunctionGenerator.generate(file.rules(), SOURCE, runtime);
    int bytes = code.getBytes(StandardCharsets.UTF_8).length;

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("runtime", runtime.id());
    answer.put("size_bytes", bytes);
    answer.put("max_bytes", FunctionRuntime.MAX_FUNCTION_BYTES);
    answer.put("fits", bytes <= FunctionRuntime.MAX_FUNCTION_BYTES);
    answer.put("runtime_check", check ? work.run(() -> runtimeCheck(code, runtime)) : notRun("not asked for (check=false)"));
    answer.put("warnings", file.warnings().stream().map(FunctionRoutes::warning).toList());
    // CloudFront adds them only when the behavior's policy names them: the deployment depends on it
    answer.put("cloudfront_headers", file.rules().cloudFrontHeaders().stream().map(CloudFrontHeader::documentedName).toList());
    answer.put("test_event", mapper.readTree(Shipping.testEvent(file.rules())));
    answer.put("source", code);
    ctx.json(answer);
  }

  /** The check runs in Node; a server without functions-js says so instead of failing. */
  private static Map<String, Object> runtimeCheck(String code, FunctionRuntime runtime) {
    FunctionsJsProject project;
    try {
      project = FunctionsJsProject.locate();
    } catch (InvalidInputException e) {
      return notRun(e.getMessage());
    }
    Path file = null;
    try {
      file = Files.createTempFile("cfsim-api-function", ".js");
      Files.writeString(file, code, StandardCharsets.UTF_8);
      RuntimeCheck.Result result = RuntimeCheck.run(project, file, runtime);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ran", true);
      m.put("passed", result.passed());
      String name = file.toString();
      m.put("lines", result.lines().stream().map(l -> l.replace(name, "function.js")).toList());
      return m;
    } catch (IOException e) {
      return notRun(e.getMessage());
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static Map<String, Object> notRun(String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ran", false);
    m.put("reason", reason);
    return m;
  }

  private static Map<String, Object> warning(RuleWarning w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("location", w.location());
    m.put("message", w.message());
    return m;
  }
}
