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

  @Test
  void the_line_shows_the_share_read_the_time_taken_and_at_the_recent_pace_the_time_left() {
    // 200 of 500 MB after 12 s at 10 MB/s: 300 MB, 30 s left
    long mb = 1 << 20;
    assertEquals("cfsim: replaying  40% of 500.0 MB, 12 s, about 30 s left",
        LogProgress.line("replaying", 200 * mb, 500 * mb, 12.2, 10.0 * mb));
    // no estimate in the first seconds, nor once all is read
    assertEquals("cfsim: reading   0% of 1.0 KB, 1 s", LogProgress.line("reading", 0, 1024, 1.4, 10));
    assertEquals("cfsim: reading 100% of 1.0 KB, 3 s", LogProgress.line("reading", 1024, 1024, 3, 10));
    assertEquals("3 min 05 s", LogProgress.duration(185));
    assertEquals("1 h 02 min", LogProgress.duration(3725));
  }

  @Test
  void the_pace_is_over_the_last_samples_not_since_the_start() {
    LogProgress.Pace pace = new LogProgress.Pace();
    long second = 1_000_000_000L;
    assertEquals(0, pace.bytesPerSecond(0, 0));
    // 1 byte a second for ten samples, then 100 a second: the slow start drops out of the window
    long read = 0;
    for (int t = 1; t <= 10; t++) {
      read += 1;
      pace.bytesPerSecond(t * second, read);
    }
    double rate = 0;
    for (int t = 11; t <= 21; t++) {
      read += 100;
      rate = pace.bytesPerSecond(t * second, read);
    }
    assertEquals(100.0, rate, 1e-9);
  }
}
