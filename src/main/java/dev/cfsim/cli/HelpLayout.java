package dev.cfsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Keeps help copy-pasteable. picocli wraps every section at 80 columns and may break a line
 * after a dot or a slash, which split {@code build/shop.js} and the offer file's URL; the
 * footers, where the examples and URLs are, are printed as written instead, one line per
 * line. Descriptions still wrap, so they hold no paths or URLs that must not break.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Makes {@code cmd} and all its subcommands print their footers verbatim. */
  static void apply(CommandLine cmd) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(cmd.getHelpSectionMap());
    sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
    cmd.setHelpSectionMap(sections);
    cmd.getSubcommands().values().forEach(HelpLayout::apply);
  }

  private static String footer(CommandLine.Help help) {
    StringBuilder sb = new StringBuilder();
    for (String line : help.commandSpec().usageMessage().footer()) {
      sb.append(line).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
