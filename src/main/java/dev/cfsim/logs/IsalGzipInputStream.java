package dev.cfsim.logs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.zip.ZipException;

/**
 * Reads a gzip stream through ISA-L with {@link java.util.zip.GZIPInputStream}'s contract, so
 * the log readers treat both alike: concatenated members are read one after the other, bytes
 * after the last member that do not start another (0x1f 0x8b) are not inflated but counted
 * ({@link #bytesAfterMembers()}, as {@link ZlibGzipInputStream} counts them), a stream that ends
 * early throws {@link EOFException} and damaged data a {@link ZipException} (checksums are
 * verified). One difference: bytes after a member that start like gzip but are cut short or
 * damaged in the next member's header are an error here, where GZIPInputStream ends quietly
 * before them. {@link #available()} is InputStream's 0, not GZIPInputStream's 1 before the end.
 */
final class IsalGzipInputStream extends InputStream implements GzipStreams.Members {

  private static final Cleaner CLEANER = Cleaner.create();

  private final InputStream in;
  private final byte[] input;
  private final NativeState state;
  private final Cleaner.Cleanable cleanable;
  private int inputStart;
  private int inputEnd;
  /** The current member's trailer was checked; what follows is another member or the end. */
  private boolean memberFinished;
  private boolean ended;
  private long after;
  private volatile boolean closed;

  IsalGzipInputStream(InputStream in, int inputBufferSize) throws IOException {
    if (!IsalInflater.available()) {
      throw new IllegalStateException("ISA-L is not available: " + IsalInflater.unavailableReason());
    }
    this.in = Objects.requireNonNull(in);
    this.input = new byte[inputBufferSize];
    long handle = IsalInflater.create();
    if (handle == 0) {
      throw new IOException("out of memory for a gzip inflate state");
    }
    this.state = new NativeState(handle);
    this.cleanable = CLEANER.register(this, state);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    while (!ended) {
      if (memberFinished && !startNextMember()) {
        ended = true;
        after = inputEnd - inputStart + in.transferTo(OutputStream.nullOutputStream());
        break;
      }
      // called with no input too: ISA-L may hold output that did not fit the last call
      long result = state.inflate(input, inputStart, inputEnd - inputStart, b, off, len);
      if (result < 0) {
        throw new ZipException(IsalInflater.error(result));
      }
      int read = IsalInflater.read(result);
      int written = IsalInflater.written(result);
      inputStart += read;
      memberFinished = IsalInflater.finished(result);
      if (written > 0) {
        return written;
      }
      if (memberFinished) {
        continue;
      }
      if (inputStart < inputEnd) {
        if (read == 0) {
          throw new ZipException("gzip inflater made no progress");
        }
      } else if (!buffered(1)) {
        throw new EOFException("unexpected end of gzip stream");
      }
    }
    return -1;
  }

  @Override
  public long bytesAfterMembers() {
    return after;
  }

  /**
   * After a member's trailer: true when another member follows (and the inflater is reset for
   * it), false at the end of the stream or before bytes that are not a gzip header.
   */
  private boolean startNextMember() throws IOException {
    if (!buffered(2)) {
      return false;
    }
    if ((input[inputStart] & 0xff) != 0x1f || (input[inputStart + 1] & 0xff) != 0x8b) {
      return false;
    }
    state.reset();
    memberFinished = false;
    return true;
  }

  /** Tries to have {@code n} unread input bytes buffered; false when the stream ends first. */
  private boolean buffered(int n) throws IOException {
    if (inputEnd - inputStart >= n) {
      return true;
    }
    System.arraycopy(input, inputStart, input, 0, inputEnd - inputStart);
    inputEnd -= inputStart;
    inputStart = 0;
    while (inputEnd < n) {
      int got = in.read(input, inputEnd, input.length - inputEnd);
      if (got < 0) {
        return false;
      }
      inputEnd += got;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      cleanable.clean();
      in.close();
    }
  }

  /**
   * The native inflate state, freed once: on close, or when the stream is collected unclosed. Its
   * lock keeps a close on another thread (one that gives up on a read waiting for input, say)
   * from freeing the state while a call uses it, and every call after the free fails.
   */
  private static final class NativeState implements Runnable {
    private long handle;

    NativeState(long handle) {
      this.handle = handle;
    }

    synchronized long inflate(byte[] in, int inOffset, int inLength, byte[] out, int outOffset,
        int outLength) throws IOException {
      return IsalInflater.inflate(open(), in, inOffset, inLength, out, outOffset, outLength);
    }

    synchronized void reset() throws IOException {
      IsalInflater.reset(open());
    }

    private long open() throws IOException {
      if (handle == 0) {
        throw new IOException("stream closed");
      }
      return handle;
    }

    @Override
    public synchronized void run() {
      if (handle != 0) {
        IsalInflater.free(handle);
        handle = 0;
      }
    }
  }
}
