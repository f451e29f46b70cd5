package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
