package dev.cfsim.emulator;

/** The ways {@code cfsim emulate} can print its report. */
public enum EmulationFormat {
  TABLE, JSON, MARKDOWN, HTML;

  /** Renders the report in this format. */
  public String render(EmulationReport report) {
    return switch (this) {
      case TABLE -> TextLayout.table(EmulationSections.of(report));
      case MARKDOWN -> TextLayout.markdown(EmulationSections.of(report));
      case HTML -> HtmlReport.render(report, EmulationSections.of(report));
      case JSON -> EmulationJson.render(report);
    };
  }
}
