package dev.cfsim.function;

import java.io.IOException;

/**
 * The Node process running a function died or answered garbage partway: neither the input nor the
 * user's doing as far as cfsim can tell (killed, out of memory), so the CLI exits 3, not 2.
 */
public final class NodeFailure extends IOException {
  public NodeFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
