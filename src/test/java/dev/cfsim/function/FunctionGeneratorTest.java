package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FunctionGeneratorTest {

  @Test
  void only_a_pair_of_parentheses_around_the_whole_condition_is_dropped() {
    assertEquals("a || b", FunctionGenerator.withoutOuterParens("(a || b)"));
    assertEquals("(a) || (b)", FunctionGenerator.withoutOuterParens("(a) || (b)"));
    assertEquals("x(\")\") || y", FunctionGenerator.withoutOuterParens("(x(\")\") || y)"));
    assertEquals("!(a)", FunctionGenerator.withoutOuterParens("!(a)"));
    assertEquals("a ||\n   b", FunctionGenerator.withoutOuterParens("(a ||\n    b)"));
  }
}
