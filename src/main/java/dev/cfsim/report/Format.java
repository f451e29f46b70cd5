package dev.cfsim.report;

/** The output formats every report renders to. */
public enum Format {
  /** Aligned columns for a terminal. */
  TABLE,
  /** One JSON object (DESIGN.md contracts), full precision. */
  JSON,
  /** Comma-separated values, full precision, for spreadsheets. */
  CSV,
  /** A Markdown table, for pull requests and wikis. */
  MARKDOWN
}
