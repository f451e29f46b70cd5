package dev.cfsim.function;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one CloudFront Function over many events in a single long-lived Node process: events go
 * in batches, one JSON array per line on stdin, and each batch is answered by one line. Starting
 * Node once per event would cost tens of milliseconds each; a batch costs microseconds per event.
 * A batch can be {@link #send sent} before the previous answer is read, so Node runs one batch
 * while the caller prepares the next and checks the last; a writer thread feeds stdin, since
 * Node, blocked writing an answer nobody reads yet, would otherwise stop reading.
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
  /** Writes batches to stdin in the order sent, so that sending never waits for Node. */
  private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "node-stdin");
    t.setDaemon(true);
    return t;
  });
  private long sent;
  private long answered;

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

  /** The Node process, for a test to end it under a running batch. */
  ProcessHandle process() {
    return process.toHandle();
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
    return send(eventsJson).results();
  }

  /**
   * Sends a batch without waiting for its answer; answers are read with {@link Pending#results}
   * in the order the batches were sent. Not thread-safe: one caller sends and reads.
   */
  public Pending send(List<String> eventsJson) {
    StringBuilder line = new StringBuilder(eventsJson.size() * 1024);
    line.append('[');
    for (int i = 0; i < eventsJson.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      appendAscii(line, eventsJson.get(i));
    }
    line.append("]\n");
    String text = line.toString();
    Future<?> written = writer.submit(() -> {
      stdin.write(text);
      stdin.flush();
      return null;
    });
    return new Pending(sent++, eventsJson.size(), written);
  }

  /** A batch sent to Node whose answer has not been read yet. */
  public final class Pending {
    private final long sequence;
    private final int events;
    private final Future<?> written;

    private Pending(long sequence, int events, Future<?> written) {
      this.sequence = sequence;
      this.events = events;
      this.written = written;
    }

    /** Waits for Node's answer to this batch; the batches sent before it must have been read. */
    public Batch results() throws IOException {
      if (sequence != answered) {
        throw new IllegalStateException("batch " + sequence + " read before batch " + answered);
      }
      answered++;
      String line = stdout.readLine();
      if (line == null) {
        IOException notWritten = writeFailure(written);
        throw new NodeFailure((notWritten != null ? "Node stopped reading events" : "Node exited while running a batch")
            + exitStatus() + stderrTail(), notWritten);
      }
      JsonNode answer;
      try {
        answer = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new NodeFailure("Node's answer to a batch was cut off" + exitStatus() + stderrTail(), e);
      }
      if (answer.has("fatal")) {
        throw new IOException("Node failed: " + answer.path("fatal").asText() + stderrTail());
      }
      JsonNode results = answer.path("results");
      if (results.size() != events) {
        throw new IOException("Node answered " + results.size() + " results for " + events + " events");
      }
      List<FunctionResult> out = new ArrayList<>(results.size());
      for (JsonNode r : results) {
        out.add(r.has("error")
            ? new FunctionResult(null, r.get("error").asText())
            : new FunctionResult(r.path("undefinedValue").asBoolean(false) ? null : r.get("value"), null));
      }
      return new Batch(out, answer.path("nanos").asLong());
    }
  }

  /** Why a batch could not be written to Node, or null if it was (or is still being) written. */
  private static IOException writeFailure(Future<?> written) {
    try {
      written.get(5, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
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

  /** How Node ended, when it has (it is given a moment): {@code " (killed by signal 9)"}, or empty. */
  private String exitStatus() {
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        return "";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
    int code = process.exitValue();
    // Java reports a process a signal ended as 128 + the signal; a process may also exit with such a code
    return code > 128 && code <= 128 + 64 ? " (exit code " + code + ": killed by signal " + (code - 128) + "?)"
        : " (exit code " + code + ")";
  }

  private String stderrTail() {
    synchronized (stderr) {
      return stderr.length() == 0 ? "" : "; Node said: " + stderr.toString().strip();
    }
  }

  @Override
  public void close() throws IOException {
    writer.shutdown();
    if (sent != answered) {
      // a caller that stopped early: Node may be blocked writing an answer nobody will read
      process.destroyForcibly();
    }
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
