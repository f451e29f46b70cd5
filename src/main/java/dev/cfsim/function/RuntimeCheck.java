package dev.cfsim.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs functions-js's runtime check (acorn at the runtime's language level plus CloudFront's
 * forbidden features and the 10,000-byte limit) on a function file.
 */
public final class RuntimeCheck {

  private RuntimeCheck() {}

  /**
   * The outcome: whether the function passes, and the checker's lines ({@code FILE:LINE:COL:
   * problem}, or one {@code ok} line).
   */
  public record Result(boolean passed, List<String> lines) {
    public Result {
      lines = List.copyOf(lines);
    }
  }

  /** Checks {@code function} for {@code runtime}. */
  public static Result run(FunctionsJsProject project, Path function, FunctionRuntime runtime)
      throws IOException {
    Process p = new ProcessBuilder(project.checkCommand(function, runtime)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("the runtime check did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while checking " + function, e);
    }
    if (p.exitValue() > 1) {
      throw new IOException("the runtime check failed to run: " + out.strip());
    }
    return new Result(p.exitValue() == 0, out.lines().toList());
  }
}
