package dev.cfsim.viewer;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudFront headers computed once per viewer IP's answer or per User-Agent, already filtered by
 * the distribution's {@link HeaderSelection}. Many events share one, so its hashed index is built
 * once and every event's lookups ({@link EventHeaders#get}) go through it.
 */
final class AddedHeaders {
  static final AddedHeaders NOTHING = new AddedHeaders(new String[0], new FieldValue[0]);

  private final String[] names;
  private final FieldValue[] values;
  private final FieldMap index;

  private AddedHeaders(String[] names, FieldValue[] values) {
    this.names = names;
    this.values = values;
    FieldMap.Builder b = FieldMap.builder(names.length);
    b.addAll(names, values);
    this.index = b.build();
  }

  int size() {
    return names.length;
  }

  /** The value of a header this adds, or null. */
  FieldValue get(String lowerCaseName) {
    return index.get(lowerCaseName);
  }

  void putInto(FieldMap.Builder headers) {
    headers.addAll(names, values);
  }

  /** Collects the headers of one answer. */
  static final class Builder {
    private final HeaderSelection selection;
    private final List<String> names = new ArrayList<>();
    private final List<FieldValue> values = new ArrayList<>();

    Builder(HeaderSelection selection) {
      this.selection = selection;
    }

    /** Adds a header the policy selects; an empty value means unknown, and is left out. */
    void add(CloudFrontHeader header, String value) {
      if (!value.isEmpty()) {
        add(header, FieldValue.of(value));
      }
    }

    void add(CloudFrontHeader header, FieldValue value) {
      if (selection.contains(header)) {
        names.add(header.headerName());
        values.add(value);
      }
    }

    AddedHeaders build() {
      return new AddedHeaders(names.toArray(new String[0]), values.toArray(new FieldValue[0]));
    }
  }
}
