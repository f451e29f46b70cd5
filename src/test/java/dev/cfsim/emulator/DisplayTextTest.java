package dev.cfsim.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayTextTest {

  @Test
  void bidi_controls_from_a_log_cannot_reorder_what_a_report_shows() {
    // a logged Host that a terminal or browser would show as "rloevil.example"
    assertEquals("rlo?elpmaxe.evil", DisplayText.neutralised("rlo\u202Eelpmaxe.evil"));
    assertEquals("a?b?c?d", DisplayText.neutralised("a\u200Fb\u2066c\nd"));
    String plain = "www.shop.example";
    assertTrue(plain == DisplayText.neutralised(plain), "nothing copied when nothing is hidden");
    assertEquals("| rlo?x |", "| " + TextLayout.md("rlo\u202Ex") + " |");
    assertEquals("rlo?x", HtmlReport.esc("rlo\u202Ex"));
  }

  @Test
  void widths_count_terminal_columns_and_cuts_keep_characters_whole() {
    assertEquals(12, DisplayText.width("한국어사이트")); // six Hangul syllables, two columns each
    assertEquals(3, DisplayText.width("a\uD83D\uDE00")); // 'a' and an emoji
    assertEquals(2, DisplayText.width("\uD83D\uDE80")); // a rocket, U+1F680
    assertEquals("a?b", DisplayText.neutralised("a\u2028b"));
    assertEquals(1, DisplayText.width("e\u0301")); // e and a combining acute accent
    String cut = DisplayText.cut("h".repeat(46) + "\uD83D\uDE00tail.example", 48);
    assertEquals("h".repeat(46) + "…", cut, "the emoji would not fit whole: cut before it, not inside");
    assertFalse(cut.chars().anyMatch(c -> Character.isSurrogate((char) c)));
  }

  @Test
  void a_table_lines_up_around_wide_characters() {
    String table = TextLayout.table(List.of(new ReportSection("Targets", List.of("target", "requests"),
        List.of(List.of("302 https://한국어사이트.example", "7"), List.of("302 https://m.example", "12")), List.of())));
    List<String> lines = table.lines().filter(l -> l.contains("302")).toList();
    // "302 https://" and ".example" are 20 columns, the six syllables 12: the target column is 32
    // wide; the counts are right-aligned under "requests" (8) after two spaces. So 2 + 7 spaces
    // before "7", and after the 21-column "302 https://m.example", 11 + 2 + 6 before "12"
    assertEquals("  302 https://한국어사이트.example" + " ".repeat(2 + 7) + "7", lines.get(0));
    assertEquals("  302 https://m.example" + " ".repeat(11 + 2 + 6) + "12", lines.get(1));
  }
}
