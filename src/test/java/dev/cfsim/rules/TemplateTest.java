package dev.cfsim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cfsim.rules.Template.Literal;
import dev.cfsim.rules.Template.Placeholder;
import dev.cfsim.rules.Template.Variable;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final EnumSet<Variable> ALL = EnumSet.allOf(Variable.class);

  @Test
  void a_template_splits_into_literals_and_placeholders() {
    Template t = Template.parse("https://${host}/kr${uri}?from=${querystring}", ALL);
    assertEquals(List.of(new Literal("https://"), new Placeholder(Variable.HOST), new Literal("/kr"),
        new Placeholder(Variable.URI), new Literal("?from="), new Placeholder(Variable.QUERYSTRING)), t.parts());
    assertEquals("https://", t.literalPrefix());
  }

  @Test
  void a_lone_dollar_an_unclosed_or_unknown_placeholder_is_malformed() {
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/a$b", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/a${uri", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/a${URI}", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/a\tb", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/a\u2028b", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/caf\u00e9", ALL));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("/\ud83d\ude00", ALL));
    assertThrows(IllegalArgumentException.class,
        () -> Template.parse("/x${querystring}", EnumSet.of(Variable.URI)));
  }
}
