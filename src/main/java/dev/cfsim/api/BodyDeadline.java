package dev.cfsim.api;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

/**
 * A request body read against a whole-body deadline, counted from the first read: the body may
 * pause and resume as it likes (a retransmitted segment, a client writing in pieces), but once
 * the deadline passes it is cut off with {@link Late}, so a client trickling a byte at a time
 * cannot hold a request thread for longer. While reading, the connection's idle timeout is
 * lowered to the time left, so a read that would block past the deadline fails at it; the idle
 * timeout is restored on close.
 *
 * <p>A stopping server lowers every connection's idle timeout to a second (Jetty's shutdown
 * idle timeout), so a body still arriving then is cut off too; that fails with
 * {@link ServerStopping}, for a 503 that says so rather than a 408 that blames the client.
 */
final class BodyDeadline extends FilterInputStream {
  /** The body was still arriving when its deadline passed. */
  static final class Late extends IOException {
    Late(Duration allowed, Throwable cause) {
      super("the request body did not arrive within " + seconds(allowed), cause);
    }
  }

  /** The body stopped arriving while the server was stopping. */
  static final class ServerStopping extends IOException {
    ServerStopping(Throwable cause) {
      super("the server is stopping; send the request again", cause);
    }
  }

  private final Duration allowed;
  private final long deadline;
  private final Server server;
  private final EndPoint endPoint;
  private final long idleTimeout;
  /** Whether a read lowered the connection's idle timeout, which close then restores. */
  private boolean lowered;

  private BodyDeadline(InputStream in, Duration allowed, Server server, EndPoint endPoint) {
    super(in);
    this.allowed = allowed;
    this.deadline = System.nanoTime() + allowed.toNanos();
    this.server = server;
    this.endPoint = endPoint;
    this.idleTimeout = endPoint == null ? 0 : endPoint.getIdleTimeout();
  }

  /** The body of {@code ctx}, to arrive within {@code allowed} from now. */
  static BodyDeadline open(Context ctx, Duration allowed) throws IOException {
    Request base = Request.getBaseRequest(ctx.req());
    HttpChannel channel = base == null ? null : base.getHttpChannel();
    return new BodyDeadline(ctx.req().getInputStream(), allowed,
        channel == null ? null : channel.getServer(), channel == null ? null : channel.getEndPoint());
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long left = checkLeft(null);
    boolean cutShort = false;
    if (endPoint != null) {
      long ms = Math.max(1, (left + 999_999) / 1_000_000);
      cutShort = idleTimeout <= 0 || ms < idleTimeout;
      // touched only when it must be lower: most bodies arrive in one read, well inside the time
      if (cutShort) {
        endPoint.setIdleTimeout(ms);
        lowered = true;
      }
    }
    int n;
    try {
      n = super.read(b, off, len);
    } catch (IOException e) {
      if (timedOut(e) && server != null && server.isStopping()) {
        throw new ServerStopping(e);
      }
      if (cutShort && timedOut(e)) {
        throw new Late(allowed, e); // the idle timeout, lowered to the time left, went off
      }
      checkLeft(e);
      throw e;
    }
    if (n >= 0) {
      checkLeft(null);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
    int read = n <= 0 ? 0 : read(buffer, 0, buffer.length);
    return Math.max(0, read);
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (lowered) {
        endPoint.setIdleTimeout(idleTimeout);
      }
    }
  }

  /** Nanoseconds left; throws {@link Late} once none are. */
  private long checkLeft(Throwable cause) throws Late {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new Late(allowed, cause);
    }
    return left;
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
