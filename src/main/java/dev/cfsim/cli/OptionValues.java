package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.report.Conversion;
import java.math.BigDecimal;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads option values with messages a user can act on. picocli's own converters say {@code 'x'
 * is not an int}, or print a Java exception (a bad {@code --fx} showed a NumberFormatException);
 * these say what the value must be, and {@link Main} puts the option's name in front.
 */
final class OptionValues {
  private OptionValues() {}

  /** Makes whole-number options of every command read with {@link #wholeNumber}. */
  static void register(CommandLine cmd) {
    cmd.registerConverter(Integer.class, t -> (int) wholeNumber(t, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cmd.registerConverter(int.class, t -> (int) wholeNumber(t, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cmd.registerConverter(Long.class, t -> wholeNumber(t, Long.MIN_VALUE, Long.MAX_VALUE));
    cmd.registerConverter(long.class, t -> wholeNumber(t, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** A whole number from {@code min} to {@code max}, the text quoted when it is not one. */
  static long wholeNumber(String text, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      if (!text.trim().matches("[+-]?\\d+")) {
        throw new TypeConversionException("not a whole number: '" + text + "'");
      }
      value = text.trim().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (value < min || value > max) {
      throw new TypeConversionException("out of range: '" + text + "'");
    }
    return value;
  }

  /** {@code --fx}: the rule {@link Conversion#rate} holds every rate to, CLI and API alike. */
  static final class FxRate implements ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String text) {
      try {
        return Conversion.rate(text);
      } catch (InvalidInputException e) {
        throw new TypeConversionException(e.problem());
      }
    }
  }
}
