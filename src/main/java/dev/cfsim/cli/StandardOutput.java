package dev.cfsim.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers why a write to it failed. The PrintWriter commands print
 * through swallows IOExceptions (checkError only says that one happened), so a full disk or a
 * closed pipe ended in exit 0 with the output lost; {@link Main} asks this stream afterwards
 * and reports the first failure instead. Later writes are dropped: the output is broken anyway.
 */
final class StandardOutput extends OutputStream {
  private final OutputStream out;
  private volatile IOException failure;

  StandardOutput(OutputStream out) {
    this.out = out;
  }

  /** The first write or flush that failed, or null. */
  IOException failure() {
    return failure;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    remembering(() -> out.write(b, off, len));
  }

  @Override
  public void flush() throws IOException {
    remembering(out::flush);
  }

  private interface Write {
    void run() throws IOException;
  }

  private void remembering(Write write) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      write.run();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }
}
