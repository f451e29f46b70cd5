package dev.cfsim.logs;

/** Reads one log line (without its line end) from a byte buffer. One instance per reader. */
interface LineParser {
  RequestRecord parse(byte[] buf, int start, int end) throws MalformedLineException;
}
