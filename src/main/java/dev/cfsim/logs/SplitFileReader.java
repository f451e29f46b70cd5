package dev.cfsim.logs;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads one file on several cores, for when there are fewer files than cores (one large log):
 * the calling thread reads the file (inflating gzip) and cuts it into blocks at line ends, and
 * worker threads parse the blocks, each into its own sink; the calling thread is one of them,
 * parsing a block itself when the others are behind. Each block carries its first line
 * number and the {@code #Fields} columns in force where it starts, which this thread follows,
 * so line numbers, column changes, malformed-line reports and truncated-gzip reports are those
 * of a one-thread read; only the order in which records reach the sinks differs. Memory is
 * bounded by the blocks in flight, whatever the file's size.
 */
final class SplitFileReader {

  static final int DEFAULT_BLOCK = 1 << 20;

  /** Bytes all blocks in flight may hold (queued, being parsed, being filled). */
  private static final int IN_FLIGHT = 64 << 20;

  /**
   * Blocks of 1 MB, smaller on machines with many cores so that the blocks in flight (two per
   * worker, the one waiting to be queued and the one being filled) stay within 64 MB: memory
   * does not grow with the logs.
   */
  static int blockSizeFor(int threads) {
    return Math.max(1 << 16, Math.min(DEFAULT_BLOCK, IN_FLIGHT / (2 * threads + 2)));
  }

  private final LogFileReader files;
  private final AtomicLong bytesRead;
  private final int blockSize;

  /** @param blockSize bytes a block holds (more when one line is longer) */
  SplitFileReader(LogReadOptions options, AtomicLong bytesRead, AtomicBoolean realtimeRead, int blockSize) {
    this.files = new LogFileReader(options, bytesRead, realtimeRead);
    this.bytesRead = bytesRead;
    this.blockSize = blockSize;
  }

  /** A run of whole lines, with the layout in force where it starts (see {@link LogFileReader.Blocks}). */
  private record Block(long index, byte[] bytes, int length, long firstLine, LogFileReader.Layout layout) {}

  private static final Block END = new Block(-1, new byte[0], 0, 0, null);

  /**
   * Reads {@code file}, named {@code name} in messages, its records going to {@code sinks} (one
   * worker per sink, run on {@code pool}, which must have a thread for each).
   *
   * @throws dev.cfsim.InvalidInputException as a one-thread read would, for the earliest line
   */
  LogFileReader.FileCounts read(Path file, String name, List<Consumer<RequestRecord>> sinks,
      MalformedLines malformed, ExecutorService pool) throws IOException {
    BlockingQueue<Block> queue = new ArrayBlockingQueue<>(sinks.size());
    // parsed blocks come back to be filled again: no fresh megabyte to zero for every block
    BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(2 * sinks.size() + 2);
    List<Worker> workers = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    for (Consumer<RequestRecord> sink : sinks) {
      workers.add(new Worker(files.new Blocks(name, sink, malformed), queue, spare, blockSize));
    }
    // The last sink is this thread's: it parses a block itself whenever the others are behind,
    // so the cores are all busy without one thread more than there are cores.
    Worker inline = workers.size() > 1 ? workers.get(workers.size() - 1) : null;
    for (Worker w : workers) {
      if (w != inline) {
        running.add(pool.submit(w));
      }
    }
    long lines;
    try (InputStream raw = new CountingInputStream(Files.newInputStream(file), bytesRead)) {
      lines = cut(name, raw, queue, spare, workers, inline, malformed);
    } finally {
      for (int i = 0; i < running.size(); i++) {
        put(queue, END);
      }
      for (Future<?> f : running) {
        LogSource.await(f, running);
      }
    }
    rethrowEarliestFailure(workers);
    long records = 0;
    for (Worker w : workers) {
      records += w.blocks.records();
    }
    return new LogFileReader.FileCounts(lines, records);
  }

  /** Cuts the file into blocks for the workers; returns its lines. */
  private long cut(String name, InputStream raw, BlockingQueue<Block> queue,
      BlockingQueue<byte[]> spare, List<Worker> workers, Worker inline, MalformedLines malformed)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    boolean gzip = LogFileReader.isGzip(in);
    Cutter cutter = new Cutter(name, queue, inline);
    byte[] buf = new byte[blockSize];
    int filled = 0;
    long afterMembers = 0;
    try (InputStream inflated = gzip ? GzipStreams.open(in) : in;
        InputStream source = ByteOrderMark.skip(inflated)) {
      while (!cutter.stopped && !failed(workers)) {
        int n = source.read(buf, filled, buf.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        if (filled < buf.length) {
          continue;
        }
        int end = lastLineEnd(buf, filled);
        if (end < 0) {
          buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than a block
          continue;
        }
        byte[] next = filled - end <= blockSize ? spare.poll() : null;
        if (next == null) {
          next = new byte[Math.max(blockSize, filled - end)];
        }
        System.arraycopy(buf, end, next, 0, filled - end);
        cutter.send(buf, end);
        buf = next;
        filled -= end;
      }
      afterMembers = gzip ? GzipStreams.bytesAfterMembers(inflated) : 0;
    } catch (EOFException | ZipException e) {
      if (!gzip) {
        throw e;
      }
      cutter.send(buf, filled);
      malformed.addTruncated(files.truncated(name, cutter.lines, e));
      return cutter.lines;
    }
    if (!cutter.stopped && !failed(workers)) {
      cutter.send(buf, filled);
      files.afterMembers(name, afterMembers, malformed);
    }
    return cutter.lines;
  }

  /**
   * Numbers the blocks, counts their lines and follows the layout: the file's first data line
   * sets it (format detected or given), a {@code #Fields} line changes it. Deciding it here,
   * once, is what makes every block read as in one pass; a worker deciding from its own first
   * line could take a malformed line for the format.
   */
  private final class Cutter {
    final String name;
    final BlockingQueue<Block> queue;
    /** This thread's own worker, or null to leave every block to the pool. */
    final Worker inline;
    long index;
    long lines;
    LogFileReader.Layout layout;
    /** The first data line left the layout unknown: its block's worker reports why. */
    boolean stopped;

    Cutter(String name, BlockingQueue<Block> queue, Worker inline) {
      this.name = name;
      this.queue = queue;
      this.inline = inline;
    }

    void send(byte[] bytes, int length) {
      if (length == 0) {
        return;
      }
      long firstLine = lines + 1;
      Block block = new Block(index++, bytes, length, firstLine, layout);
      if (inline == null) {
        put(queue, block);
      } else if (!queue.offer(block)) {
        inline.handle(block); // its bytes go back to spare, which only this thread takes from
      }
      ByteScan.LineCount count = ByteScan.countLines(bytes, 0, length);
      lines += count.lineEnds();
      if (bytes[length - 1] != '\n') {
        lines++; // the last line of the file, without a line end
      }
      if (layout == null) {
        layout = firstLayout(bytes, length, firstLine);
      }
      LogFileReader.Layout set = count.headerLine() ? lastFieldsLayout(bytes, length) : null;
      if (set != null) {
        layout = set;
      }
    }

    /** The layout the block's first {@code #Fields} or data line sets, whichever comes first. */
    private LogFileReader.Layout firstLayout(byte[] bytes, int length, long firstLine) {
      long lineNo = firstLine;
      for (int start = 0; start < length; lineNo++) {
        int end = ByteScan.indexOf(bytes, start, length, (byte) '\n');
        int next = end < 0 ? length : end + 1;
        end = end < 0 ? length : end;
        if (end > start && bytes[end - 1] == '\r') {
          end--;
        }
        if (end > start) {
          if (bytes[start] != '#') {
            try {
              return files.firstLineLayout(name, lineNo, bytes, start, end);
            } catch (dev.cfsim.InvalidInputException e) {
              stopped = true;
              return null;
            }
          }
          LogFileReader.Layout set =
              files.fieldsLayout(new String(bytes, start, end - start, StandardCharsets.UTF_8));
          if (set != null) {
            return set;
          }
        }
        start = next;
      }
      return null;
    }

    /** Header lines start with {@code #}, which CloudFront encodes everywhere in values. */
    private LogFileReader.Layout lastFieldsLayout(byte[] bytes, int length) {
      LogFileReader.Layout last = null;
      for (int at = ByteScan.indexOf(bytes, 0, length, (byte) '#'); at >= 0;
          at = ByteScan.indexOf(bytes, at + 1, length, (byte) '#')) {
        if (at > 0 && bytes[at - 1] != '\n') {
          continue;
        }
        int end = ByteScan.indexOf(bytes, at, length, (byte) '\n');
        end = end < 0 ? length : end;
        LogFileReader.Layout set =
            files.fieldsLayout(new String(bytes, at, end - at, StandardCharsets.UTF_8));
        if (set != null) {
          last = set;
        }
      }
      return last;
    }
  }

  /** Parses blocks until the end marker; after a failure it only drains the queue. */
  private static final class Worker implements Runnable {
    final LogFileReader.Blocks blocks;
    final BlockingQueue<Block> queue;
    final BlockingQueue<byte[]> spare;
    final int blockSize;
    volatile long failedAt = Long.MAX_VALUE;
    volatile Throwable failure;

    Worker(LogFileReader.Blocks blocks, BlockingQueue<Block> queue, BlockingQueue<byte[]> spare,
        int blockSize) {
      this.blocks = blocks;
      this.queue = queue;
      this.spare = spare;
      this.blockSize = blockSize;
    }

    @Override
    public void run() {
      while (true) {
        Block b = take(queue);
        if (b == END) {
          return;
        }
        handle(b);
      }
    }

    /** Parses one block, unless an earlier one failed; on the pool's threads or the cutter's. */
    void handle(Block b) {
      if (failure != null) {
        return;
      }
      try {
        blocks.parse(b.bytes(), b.length(), b.firstLine(), b.layout());
      } catch (Throwable e) { // an Error too: a dead worker would leave the cutter waiting
        failedAt = b.index();
        failure = e;
      }
      if (b.bytes().length == blockSize) {
        spare.offer(b.bytes()); // records keep no reference to the bytes they were read from
      }
    }
  }

  private static boolean failed(List<Worker> workers) {
    for (Worker w : workers) {
      if (w.failure != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Blocks go out in order and every one sent is parsed, so the failure in the earliest block
   * is the one a one-thread read would have stopped at.
   */
  private static void rethrowEarliestFailure(List<Worker> workers) {
    Worker first = null;
    for (Worker w : workers) {
      if (w.failure != null && (first == null || w.failedAt < first.failedAt)) {
        first = w;
      }
    }
    if (first != null) {
      if (first.failure instanceof RuntimeException re) {
        throw re;
      }
      if (first.failure instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(first.failure);
    }
  }

  /** Where the last complete line of {@code buf[0, filled)} ends (after its '\n'), or -1. */
  private static int lastLineEnd(byte[] buf, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static void put(BlockingQueue<Block> queue, Block b) {
    try {
      queue.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading logs", e);
    }
  }

  private static Block take(BlockingQueue<Block> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return END;
    }
  }
}
