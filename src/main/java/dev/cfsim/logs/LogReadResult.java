package dev.cfsim.logs;

/**
 * What reading a set of logs produced.
 *
 * @param value what the collector made of the records
 * @param files files read
 * @param lines lines read, headers and malformed lines included
 * @param records records read (each counts once here, whatever its sampling weight)
 * @param malformed the lines that could not be read, and truncated files
 */
public record LogReadResult<R>(R value, int files, long lines, long records, MalformedLines malformed) {}
