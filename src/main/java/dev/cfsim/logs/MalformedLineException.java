package dev.cfsim.logs;

/**
 * Why one log line could not be read. Thrown per bad line on the hot path, so it carries no
 * stack trace; the reader turns it into a {@link MalformedLines} entry with file and line.
 */
public final class MalformedLineException extends Exception {
  private static final long serialVersionUID = 1L;

  private final MalformedLines.Reason reason;

  public MalformedLineException(MalformedLines.Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  /** The kind of fault, for the counts in the summary. */
  public MalformedLines.Reason reason() {
    return reason;
  }
}
