package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Help a user copies from: examples, paths and URLs whole, every command's summary whole. */
class HelpTextTest {
  /** A path, file name or URL: word characters joined by dots or slashes. */
  private static final Pattern PATH_LIKE = Pattern.compile("[\\w:@-]+(?:[./][\\w:@-]+)+/?");

  private static List<CommandLine> allCommands() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.newCommandLine(), all);
    return all;
  }

  private static void collect(CommandLine cmd, List<CommandLine> into) {
    into.add(cmd);
    cmd.getSubcommands().values().forEach(c -> collect(c, into));
  }

  @Test
  void every_example_line_is_printed_as_written() {
    for (CommandLine cmd : allCommands()) {
      List<String> lines = cmd.getUsageMessage().lines().map(String::stripTrailing).toList();
      for (String footer : cmd.getCommandSpec().usageMessage().footer()) {
        assertTrue(lines.contains(footer.stripTrailing()),
            cmd.getCommandSpec().qualifiedName() + ": '" + footer + "' was split:\n" + cmd.getUsageMessage());
      }
    }
  }

  @Test
  void no_path_or_url_in_any_help_is_split() {
    for (CommandLine cmd : allCommands()) {
      CommandSpec spec = cmd.getCommandSpec();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      for (ArgSpec arg : spec.args()) {
        texts.addAll(List.of(arg.description()));
        texts.add(arg.paramLabel());
      }
      String usage = cmd.getUsageMessage();
      for (String text : texts) {
        Matcher m = PATH_LIKE.matcher(text);
        while (m.find()) {
          if (!m.group().contains("${")) {
            assertTrue(usage.contains(m.group()), spec.qualifiedName() + ": '" + m.group() + "' was split:\n" + usage);
          }
        }
      }
    }
  }

  @Test
  void the_command_list_gives_each_command_a_whole_sentence() {
    CommandLine cfsim = Main.newCommandLine();
    String list = cfsim.getUsageMessage().replaceAll("\\s+", " ");
    for (CommandLine sub : cfsim.getSubcommands().values()) {
      var usage = sub.getCommandSpec().usageMessage();
      String first = usage.header().length > 0 ? usage.header()[0] : usage.description()[0]; // as picocli lists it
      assertTrue(first.endsWith("."), sub.getCommandName() + "'s summary is cut: " + first);
      assertTrue(list.contains(first.replaceAll("\\s+", " ")), sub.getCommandName() + ":\n" + cfsim.getUsageMessage());
    }
  }

  @Test
  void threads_is_listed_only_by_the_commands_that_take_it() {
    CommandLine main = Main.newCommandLine();
    for (String name : List.of("profile", "emulate", "estimate")) {
      assertTrue(main.getSubcommands().get(name).getCommandSpec().findOption("--threads") != null, name);
    }
    CommandLine verify = main.getSubcommands().get("verify");
    assertTrue(verify.getCommandSpec().findOption("--threads") == null, "verify reads on one thread");
    assertTrue(!verify.getUsageMessage().contains("--threads"), verify.getUsageMessage());
  }
}
