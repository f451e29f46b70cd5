package dev.cfsim.logs;

/** Reads one log line (without its line end) from a byte buffer. One instance per reader. */
interface LineParser {
  /** @param line the line's delimiters, found while looking for its end ({@link ByteScan#scanLine}) */
  RequestRecord parse(byte[] buf, int start, int end, ByteScan.Line line) throws MalformedLineException;
}
