package dev.cfsim.function;

import dev.cfsim.InvalidInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code functions-js/} npm project (harness and runtime check) and the Node that runs it.
 * JavaScript must be judged by a JavaScript engine, so cfsim shells out to Node rather than
 * emulating the language in Java.
 *
 * @param directory the {@code functions-js} directory, holding {@code bin/run-events.js}
 * @param node the Node executable ({@code node} on the PATH unless {@code CFSIM_NODE} says otherwise)
 */
public record FunctionsJsProject(Path directory, String node) {

  /** Environment variable naming the functions-js directory when it cannot be found. */
  public static final String DIRECTORY_ENV = "CFSIM_FUNCTIONS_JS";

  public FunctionsJsProject {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(node, "node");
  }

  /**
   * Finds functions-js: {@code $CFSIM_FUNCTIONS_JS}, else beside the working directory or the
   * jar (or one of their parents), as in a clone of the repository.
   */
  public static FunctionsJsProject locate() {
    String node = Objects.requireNonNullElse(System.getenv("CFSIM_NODE"), "node");
    String configured = System.getenv(DIRECTORY_ENV);
    if (configured != null) {
      return checked(Path.of(configured), node);
    }
    for (Path start : startingPoints()) {
      for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("functions-js");
        if (Files.isRegularFile(candidate.resolve("bin/run-events.js"))) {
          return checked(candidate, node);
        }
      }
    }
    throw new InvalidInputException(
        "functions-js",
        "",
        "not found beside the working directory or the cfsim jar; run cfsim from a clone of the"
            + " repository or set " + DIRECTORY_ENV);
  }

  private static List<Path> startingPoints() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of(""));
    try {
      starts.add(
          Path.of(FunctionsJsProject.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // No code source (unusual class loader): the working directory is still searched.
    }
    return starts;
  }

  private static FunctionsJsProject checked(Path dir, String node) {
    if (!Files.isDirectory(dir.resolve("node_modules/acorn"))) {
      throw new InvalidInputException(
          dir.toString(), "", "its npm packages are not installed; run: npm ci --prefix " + dir);
    }
    return new FunctionsJsProject(dir, node);
  }

  /** The command that starts the long-lived event runner for {@code function}. */
  List<String> runEventsCommand(Path function, FunctionRuntime runtime, boolean check) {
    List<String> command = new ArrayList<>(
        List.of(node, directory.resolve("bin/run-events.js").toString(), "--runtime", runtime.id()));
    if (!check) {
      command.add("--no-check");
    }
    command.add(function.toString());
    return command;
  }

  /** The command that runs the runtime check on {@code function}. */
  List<String> checkCommand(Path function, FunctionRuntime runtime) {
    return List.of(
        node, directory.resolve("bin/check.js").toString(), "--runtime", runtime.id(), function.toString());
  }
}
