package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.api.ApiLimits;
import dev.cfsim.api.ApiSettings;
import dev.cfsim.api.CfsimApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cfsim serve} refuses impossible options as usage errors, before binding anything. */
class ServeOptionsTest {

  @Test
  void a_port_out_of_range_is_a_usage_error_naming_the_option_and_the_range() {
    for (String port : new String[] {"70000", "65536", "-1"}) {
      CliRun cli = new CliRun();
      assertEquals(Main.EXIT_BAD_INPUT, cli.run("serve", "--port", port), cli.err.toString());
      String err = cli.err.toString().strip();
      assertEquals(1, err.lines().count(), err);
      assertTrue(err.contains("--port") && err.contains("0-65535") && err.contains(port), err);
    }
  }

  @Test
  void a_body_limit_or_timeout_that_is_not_positive_is_a_usage_error_naming_the_option() {
    CliRun cli = new CliRun();
    assertEquals(Main.EXIT_BAD_INPUT, cli.run("serve", "--port", "0", "--max-body-kb", "0"));
    assertTrue(cli.err.toString().contains("--max-body-kb"), cli.err.toString());
    CliRun timeout = new CliRun();
    assertEquals(Main.EXIT_BAD_INPUT, timeout.run("serve", "--port", "0", "--request-timeout", "-5"));
    assertTrue(timeout.err.toString().contains("--request-timeout"), timeout.err.toString());
  }

  @Test
  void a_cors_origin_that_is_not_scheme_host_port_is_a_usage_error_naming_the_option() {
    for (String origin : new String[] {"*", "", "null", "https://a.example/path", "notaurl",
        "https://a.example/", "ftp://a.example", "https://user@a.example", "https://a.example?q"}) {
      CliRun cli = new CliRun();
      assertEquals(Main.EXIT_BAD_INPUT, cli.run("serve", "--port", "0", "--cors-origin", origin),
          origin + ": " + cli.err);
      String err = cli.err.toString().strip();
      assertEquals(1, err.lines().count(), err);
      assertTrue(err.contains("--cors-origin") && !err.contains("internal error"), err);
    }
  }

  @Test
  void origins_the_option_takes_are_ones_the_server_takes() {
    for (String origin : new String[] {"https://dash.example.com", "http://localhost:3000",
        "http://127.0.0.1:8080", "https://[::1]:8443", "HTTPS://Dash.Example.com"}) {
      ServeCommand.checkOrigin(origin);
      CfsimApi api = CfsimApi.create(new ApiSettings("127.0.0.1", 0, List.of(origin), ApiLimits.DEFAULT)).start();
      api.stop();
    }
  }
}
