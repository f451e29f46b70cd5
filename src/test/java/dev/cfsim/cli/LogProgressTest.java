package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Progress is drawn when stderr is a terminal, as the launcher tells it: Java's console answers
 * for stdin and stdout, so `cfsim emulate … > out.txt` on a terminal drew nothing, and `2> err.txt`
 * filled the file with redraws.
 */
class LogProgressTest {

  @Test
  void the_launchers_answer_about_stderr_decides() {
    String before = System.getProperty(LogProgress.STDERR_IS_TERMINAL);
    try {
      System.setProperty(LogProgress.STDERR_IS_TERMINAL, "true");
      assertTrue(LogProgress.stderrIsTerminal());
      System.setProperty(LogProgress.STDERR_IS_TERMINAL, "false");
      assertFalse(LogProgress.stderrIsTerminal());
      System.clearProperty(LogProgress.STDERR_IS_TERMINAL);
      assertEquals(System.console() != null, LogProgress.stderrIsTerminal());
    } finally {
      if (before == null) {
        System.clearProperty(LogProgress.STDERR_IS_TERMINAL);
      } else {
        System.setProperty(LogProgress.STDERR_IS_TERMINAL, before);
      }
    }
  }
}
