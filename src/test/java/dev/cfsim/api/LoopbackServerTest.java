package dev.cfsim.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one real server, with default settings, per test class. */
abstract class LoopbackServerTest {
  static RunningApi server;

  @BeforeAll
  static void startServer() {
    server = RunningApi.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}
