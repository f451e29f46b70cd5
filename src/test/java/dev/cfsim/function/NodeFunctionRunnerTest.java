package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFunctionRunnerTest {

  @TempDir Path tmp;

  private Path function(String source) throws Exception {
    Path file = tmp.resolve("function.js");
    Files.writeString(file, source);
    return file;
  }

  private static String event(String uri) {
    return "{\"version\":\"1.0\",\"context\":{\"eventType\":\"viewer-request\"},\"viewer\":{\"ip\":\"1.2.3.4\"},"
        + "\"request\":{\"method\":\"GET\",\"uri\":" + JsLiteral.of(uri) + ","
        + "\"querystring\":{},\"headers\":{},\"cookies\":{}}}";
  }

  @Test
  void events_go_to_node_as_ascii_on_one_line_and_keep_their_value() throws Exception {
    String json = "{\"uri\":\"/\uC6B4\uB3D9\uD654\",\n\r\"ua\":\"\uD83D\uDE00 lone \uD800 \u00e9\",\"plain\":\"ab\"}";
    StringBuilder out = new StringBuilder("[");
    NodeFunctionRunner.appendAscii(out, json);

    assertEquals("[{\"uri\":\"/\\uc6b4\\ub3d9\\ud654\",  \"ua\":\"\\ud83d\\ude00 lone \\ud800 \\u00e9\",\"plain\":\"ab\"}",
        out.toString());
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(mapper.readTree(json.replace("\uD800", "?")),
        mapper.readTree(out.substring(1).replace("\\ud800", "?")), "the same JSON value");
    StringBuilder plain = new StringBuilder();
    NodeFunctionRunner.appendAscii(plain, "{\"a\":1}");
    assertEquals("{\"a\":1}", plain.toString());
  }

  @Test
  void node_killed_under_a_run_is_a_node_failure_saying_how_it_ended_not_bad_input() throws Exception {
    Path file = function("function handler(event) { return event.request; }");
    try (NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_2_0, true)) {
      assertEquals(1, runner.run(List.of(event("/"))).results().size());
      assertTrue(runner.process().destroyForcibly());
      runner.process().onExit().get();
      NodeFailure e = assertThrows(NodeFailure.class, () -> runner.run(List.of(event("/a"))));
      assertTrue(e.getMessage().matches("Node (exited while running a batch|stopped reading events)"
          + " \\(exit code 137: killed by signal 9\\?\\).*"), e.getMessage());
    }
  }

  @Test
  void one_process_runs_many_batches_and_keeps_event_order() throws Exception {
    Path file = function("function handler(event) { var r = event.request; r.uri = r.uri + '!'; return r; }");
    try (NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_1_0, true)) {
      for (int batch = 0; batch < 3; batch++) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          events.add(event("/" + batch + "/" + i));
        }
        NodeFunctionRunner.Batch result = runner.run(events);
        assertEquals(100, result.results().size());
        assertEquals("/" + batch + "/57!", result.results().get(57).output().path("uri").asText());
      }
    }
  }

  @Test
  void batches_sent_ahead_of_their_answers_are_answered_in_order_without_blocking_on_full_pipes() throws Exception {
    // answers of ~2 MB each: Node blocks writing one until it is read, and stops reading stdin meanwhile
    Path file = function("function handler(event) { var r = event.request; r.uri = r.uri + new Array(4000).join('x'); return r; }");
    try (NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_1_0, true)) {
      List<NodeFunctionRunner.Pending> pending = new ArrayList<>();
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        for (int batch = 0; batch < 4; batch++) {
          List<String> events = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            events.add(event("/" + batch + "/" + i));
          }
          pending.add(runner.send(events)); // returns at once, whatever Node is doing
        }
      });
      assertThrows(IllegalStateException.class, () -> pending.get(1).results(), "answers come in the order sent");
      for (int batch = 0; batch < 4; batch++) {
        NodeFunctionRunner.Batch result = pending.get(batch).results();
        assertEquals(500, result.results().size());
        assertTrue(result.results().get(499).output().path("uri").asText().startsWith("/" + batch + "/499xxx"));
      }
    }
  }

  @Test
  void a_runner_closed_with_answers_unread_stops_node_at_once() throws Exception {
    Path file = function("function handler(event) { var r = event.request; r.uri = r.uri + new Array(4000).join('x'); return r; }");
    NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_1_0, true);
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(event("/" + i));
    }
    runner.send(events);
    runner.send(events);
    assertTimeoutPreemptively(Duration.ofSeconds(4), runner::close, "not the 5 s waits for a Node that is stuck");
  }

  @Test
  void non_ascii_line_separators_and_lone_surrogates_survive_the_pipe() throws Exception {
    Path file = function("function handler(event) { return event.request; }");
    String uri = "/\u2028\u2029\ud800한\n";
    try (NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_2_0, true)) {
      assertEquals(uri, runner.run(List.of(event(uri))).results().get(0).output().path("uri").asText());
    }
  }

  @Test
  void a_handler_returning_undefined_null_or_logging_is_told_apart() throws Exception {
    Path file = function("function handler(event) { var u = event.request.uri; console.log('saw ' + u);"
        + " if (u === '/undefined') { return undefined; } if (u === '/null') { return null; } return event.request; }");
    try (NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_2_0, true)) {
      List<FunctionResult> results = runner.run(List.of(event("/undefined"), event("/null"), event("/x"))).results();
      assertEquals(null, results.get(0).output(), "undefined: no output");
      assertEquals(null, results.get(0).error());
      assertTrue(results.get(1).output().isNull(), "null: a JSON null");
      assertEquals("/x", results.get(2).output().path("uri").asText());
    }
  }

  @Test
  void a_thrown_error_is_the_result_of_that_event() throws Exception {
    Path file = function("function handler(event) { if (event.request.uri === '/x') { throw new Error('bad'); } return event.request; }");
    try (NodeFunctionRunner runner = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_2_0, true)) {
      List<FunctionResult> results = runner.run(List.of(event("/x"), event("/y"))).results();
      assertEquals("Error: bad", results.get(0).error());
      assertEquals("/y", results.get(1).output().path("uri").asText());
    }
  }

  @Test
  void a_function_the_runtime_rejects_is_refused_with_the_line() throws Exception {
    Path file = function("function handler(event) {\n  let r = event.request;\n  return r;\n}\n");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_1_0, true));
    assertTrue(e.getMessage().contains("line 2: let is not supported in cloudfront-js-1.0"), e.getMessage());
  }
}
