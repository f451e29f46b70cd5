package dev.cfsim.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a plain Node script in tests and returns what it printed. */
final class NodeScript {

  private NodeScript() {}

  static String run(Path dir, String source) throws IOException, InterruptedException {
    Path script = Files.createTempFile(dir, "script", ".js");
    Files.writeString(script, source, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(FunctionsJsProject.locate().node(), script.toString())
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("node failed on " + script + ":\n" + out);
    }
    return out;
  }
}
