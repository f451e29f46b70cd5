package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one CloudFront Function over many events in a single long-lived Node process: events go
 * in batches, one JSON array per line on stdin, and each batch is answered by one line. Starting
 * Node once per event would cost tens of milliseconds each; a batch costs microseconds per event.
 */
public final class NodeFunctionRunner implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_KEPT_CHARS = 4_000;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Process process;
  private final BufferedWriter stdin;
  private final BufferedReader stdout;
  private final StringBuilder stderr = new StringBuilder();
  private final Path function;
  private final int functionBytes;

  private NodeFunctionRunner(Process process, Path function) throws IOException {
    this.process = process;
    this.function = function;
    this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    drain(process.getErrorStream());
    JsonNode hello = readLine("starting");
    if (hello.has("fatal")) {
      close();
      throw new InvalidInputException(function.toString(), "", describeFatal(hello));
    }
    this.functionBytes = hello.path("bytes").asInt();
  }

  /**
   * Loads {@code function} in Node for {@code runtime}. With {@code check}, the runtime check
   * runs first and a function CloudFront would reject is refused (InvalidInputException).
   */
  public static NodeFunctionRunner start(
      FunctionsJsProject project, Path function, FunctionRuntime runtime, boolean check) throws IOException {
    // Read here as every user file is: a missing file or a directory would get only Node's own
    // words (EISDIR, ENOENT), and a byte that is not UTF-8 would be replaced silently.
    UserFiles.readText(function);
    ProcessBuilder builder = new ProcessBuilder(project.runEventsCommand(function, runtime, check));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new InvalidInputException(
          project.node(), "", "cannot start Node (Node 20 or newer is needed): " + e.getMessage(), e);
    }
    return new NodeFunctionRunner(process, function);
  }

  /** The function's size in UTF-8 bytes, as Node read it. */
  public int functionBytes() {
    return functionBytes;
  }

  /**
   * Runs the handler on each event (given as its JSON text) and returns the results in order,
   * with the time Node spent in the handler calls.
   */
  public Batch run(List<String> eventsJson) throws IOException {
    StringBuilder line = new StringBuilder(eventsJson.size() * 1024);
    line.append('[');
    for (int i = 0; i < eventsJson.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      appendAscii(line, eventsJson.get(i));
    }
    line.append("]\n");
    try {
      stdin.write(line.toString());
      stdin.flush();
    } catch (IOException e) {
      throw new IOException("Node stopped reading events" + stderrTail(), e);
    }
    JsonNode answer = readLine("running a batch");
    if (answer.has("fatal")) {
      throw new IOException("Node failed: " + answer.path("fatal").asText() + stderrTail());
    }
    JsonNode results = answer.path("results");
    if (results.size() != eventsJson.size()) {
      throw new IOException("Node answered " + results.size() + " results for " + eventsJson.size() + " events");
    }
    List<FunctionResult> out = new ArrayList<>(results.size());
    for (JsonNode r : results) {
      out.add(r.has("error")
          ? new FunctionResult(null, r.get("error").asText())
          : new FunctionResult(r.get("value"), null));
    }
    return new Batch(out, answer.path("nanos").asLong());
  }

  /**
   * One batch's results.
   *
   * @param results one per event, in order
   * @param nanos time Node spent calling the handler for the whole batch
   */
  public record Batch(List<FunctionResult> results, long nanos) {
    public Batch {
      results = List.copyOf(results);
    }
  }

  /**
   * JSON text with every non-ASCII character escaped: the same value, and safe through any
   * pipe encoding, lone surrogates included, and on one line. Non-ASCII can only occur inside
   * JSON strings, raw line breaks only between tokens.
   */
  static void appendAscii(StringBuilder out, String json) {
    int copied = 0; // json[copied, i) is plain ASCII, appended in one piece when a character is not
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x80 && c != '\n' && c != '\r') {
        continue;
      }
      out.append(json, copied, i);
      copied = i + 1;
      if (c == '\n' || c == '\r') {
        out.append(' '); // whitespace between tokens: a JSON string cannot hold a raw line break
      } else {
        out.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 0xf]).append(HEX[(c >>> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    out.append(json, copied, json.length());
  }


  private JsonNode readLine(String doing) throws IOException {
    String line = stdout.readLine();
    if (line == null) {
      throw new IOException("Node exited while " + doing + " " + function + stderrTail());
    }
    return JSON.readTree(line);
  }

  private static String describeFatal(JsonNode fatal) {
    StringBuilder sb = new StringBuilder(fatal.path("fatal").asText());
    for (JsonNode p : fatal.path("problems")) {
      sb.append("; line ").append(p.path("line").asInt()).append(": ").append(p.path("message").asText());
    }
    return sb.toString();
  }

  private void drain(InputStream errors) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (stderr) {
            stderr.append(line).append('\n');
            if (stderr.length() > STDERR_KEPT_CHARS) {
              stderr.delete(0, stderr.length() - STDERR_KEPT_CHARS);
            }
          }
        }
      } catch (IOException e) {
        // The process is gone; whatever was read is kept.
      }
    }, "node-stderr");
    t.setDaemon(true);
    t.start();
  }

  private String stderrTail() {
    synchronized (stderr) {
      return stderr.length() == 0 ? "" : "; Node said: " + stderr.toString().strip();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      stdin.close();
    } catch (IOException e) {
      // Already closed by an exiting process.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
