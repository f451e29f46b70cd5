package dev.cfsim.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every log line cfsim could not read, counted by reason, with the first few examples (file,
 * line number, what was wrong) so a user can look at them. Also the gzip files that ended early,
 * and those with bytes after their gzip data that were not read.
 * Nothing is dropped without being counted here. Thread-safe: readers of several files add to
 * one instance.
 */
public final class MalformedLines {

  /** How many examples are kept; the counts are always complete. */
  public static final int MAX_EXAMPLES = 10;

  /** The kinds of malformed line. */
  public enum Reason {
    WRONG_FIELD_COUNT("wrong field count"),
    MISSING_FIELD("missing field"),
    BAD_DATE("bad date"),
    BAD_NUMBER("bad number"),
    BAD_IP("bad IP"),
    BAD_URI("bad URI"),
    BAD_JSON("bad JSON"),
    NOT_UTF8("not UTF-8");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** Words for the summary, e.g. {@code bad date}. */
    public String label() {
      return label;
    }
  }

  /** One malformed line: where it is and what is wrong with it. */
  public record Example(String file, long line, Reason reason, String detail) {
    @Override
    public String toString() {
      return file + ": line " + line + ": " + reason.label() + ": " + detail;
    }
  }

  /**
   * A gzip file that ended before its end marker, or whose data or checksum is bad: the lines
   * inflated before the error was found were read. For a bad checksum that is every line, the
   * damaged ones included (the damage cannot be placed), so its lines may read as malformed.
   *
   * @param linesRead complete lines read from the file before it ended
   * @param damaged bad data or a checksum that does not match, rather than a file cut short
   */
  public record TruncatedFile(String file, long linesRead, String problem, boolean damaged) {
    @Override
    public String toString() {
      return file + ": " + summary();
    }

    /** What happened, without the file: {@code truncated gzip (…) after 12 lines}. */
    public String summary() {
      return (damaged ? "damaged gzip (" : "truncated gzip (") + problem + ") after " + linesRead + " lines";
    }
  }

  /**
   * A gzip file with bytes after its last member that do not start another one (a plain log
   * appended to a gzip one, say): the members were read, those bytes were not.
   */
  public record TrailingBytes(String file, long bytes) {
    @Override
    public String toString() {
      return file + ": " + problem(bytes);
    }

    /** The words for the strict mode's error too. */
    static String problem(long bytes) {
      return bytes + " bytes after the gzip data were not read (they do not start a gzip member)";
    }
  }

  private final Map<Reason, Long> counts = new EnumMap<>(Reason.class);
  private final List<Example> examples = new ArrayList<>();
  private final List<TruncatedFile> truncated = new ArrayList<>();
  private final List<TrailingBytes> trailing = new ArrayList<>();

  /**
   * Counts one malformed line and keeps it as an example if it is among the first in reading
   * order (file, then line): threads find them in any order, the summary stays the same.
   */
  public synchronized void add(String file, long line, MalformedLineException e) {
    counts.merge(e.reason(), 1L, Long::sum);
    Example example = new Example(file, line, e.reason(), e.getMessage());
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(example);
    } else if (READING_ORDER.compare(example, examples.get(examples.size() - 1)) < 0) {
      examples.set(examples.size() - 1, example);
    } else {
      return;
    }
    examples.sort(READING_ORDER);
  }

  private static final Comparator<Example> READING_ORDER =
      Comparator.comparing(Example::file).thenComparingLong(Example::line);

  /** Records a gzip file that ended early. */
  public synchronized void addTruncated(TruncatedFile file) {
    truncated.add(file);
  }

  /** Records a gzip file with bytes after its gzip data. */
  public synchronized void addTrailingBytes(TrailingBytes file) {
    trailing.add(file);
  }

  /** Malformed lines in all, over every reason. */
  public synchronized long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Count per reason, only reasons that occurred, in the order of {@link Reason}: reports list
   * them the same way on every run (an immutable copy iterates in no fixed order).
   */
  public synchronized Map<Reason, Long> counts() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  /** The first malformed lines in reading order (file, then line). */
  public synchronized List<Example> examples() {
    return List.copyOf(examples);
  }

  /** Gzip files that ended early. */
  public synchronized List<TruncatedFile> truncatedFiles() {
    return List.copyOf(truncated);
  }

  /** Gzip files with bytes after their gzip data, which were not read. */
  public synchronized List<TrailingBytes> trailingBytes() {
    return List.copyOf(trailing);
  }

  /** True when every line was read and every file was whole. */
  public synchronized boolean isEmpty() {
    return counts.isEmpty() && truncated.isEmpty() && trailing.isEmpty();
  }

  /**
   * A few lines for stderr: counts by reason, then the examples, truncated files and files with
   * bytes after their gzip data.
   */
  public synchronized List<String> summary() {
    List<String> out = new ArrayList<>();
    if (isEmpty()) {
      return out;
    }
    StringBuilder sb = new StringBuilder(total() + (total() == 1 ? " malformed line" : " malformed lines"));
    if (counts.isEmpty()) {
      // only files cut short or with bytes after their gzip data: say what follows
      int files = truncated.size() + trailing.size();
      sb.setLength(0);
      sb.append(files).append(files == 1 ? " gzip file" : " gzip files").append(" not read to the end");
    } else {
      sb.append(" (");
      String sep = "";
      for (Map.Entry<Reason, Long> e : counts.entrySet()) {
        sb.append(sep).append(e.getKey().label()).append(": ").append(e.getValue());
        sep = ", ";
      }
      sb.append(')');
    }
    out.add(sb.toString());
    examples.forEach(e -> out.add("  " + e));
    truncated.forEach(t -> out.add("  " + t));
    trailing.forEach(t -> out.add("  " + t));
    return out;
  }
}
