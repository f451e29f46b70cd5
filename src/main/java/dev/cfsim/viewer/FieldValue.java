package dev.cfsim.viewer;

import java.util.List;
import java.util.Objects;

/**
 * One header, cookie or query-string parameter as CloudFront hands it to a function. When the
 * same name occurs more than once CloudFront folds the occurrences into one entry: {@code value}
 * is the first and {@code multiValue} lists all of them, the first included.
 *
 * @param value the first (often only) value; {@code ""} for a parameter with no value
 * @param multiValue every value in arrival order when the name was repeated; empty otherwise
 */
public record FieldValue(String value, List<String> multiValue) {

  public FieldValue {
    Objects.requireNonNull(value, "value");
    multiValue = multiValue == null ? List.of() : List.copyOf(multiValue);
  }

  /** A name that occurred once. */
  public static FieldValue of(String value) {
    return new FieldValue(value, List.of());
  }

  /** Folds repeated occurrences the way CloudFront does; a single value gets no multiValue. */
  public static FieldValue ofAll(List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a field needs at least one value");
    }
    return values.size() == 1 ? of(values.get(0)) : new FieldValue(values.get(0), values);
  }

  /** True when the name occurred more than once. */
  public boolean isMultiValue() {
    return !multiValue.isEmpty();
  }

  /** Every value, in arrival order: one for a single value, all of them for a repeated name. */
  public List<String> values() {
    return multiValue.isEmpty() ? List.of(value) : multiValue;
  }
}
