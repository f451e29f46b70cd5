package dev.cfsim.viewer;

/**
 * CloudFront headers computed once per viewer IP's answer or per User-Agent, already filtered by
 * the distribution's {@link HeaderSelection}. Many events share one, so its hashed index is built
 * once and every event's lookups ({@link EventHeaders#get}) go through it.
 */
final class AddedHeaders {
  static final AddedHeaders NOTHING = new AddedHeaders(FieldMap.empty());

  private final FieldMap headers;

  private AddedHeaders(FieldMap headers) {
    this.headers = headers;
  }

  int size() {
    return headers.size();
  }

  /** The value of a header this adds, or null. */
  FieldValue get(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  /** Appends these headers, in order, to an event's map. */
  void putInto(FieldMap.Builder event) {
    headers.forEach(event::add);
  }

  /** Collects the headers of one answer. */
  static final class Builder {
    private final HeaderSelection selection;
    private final FieldMap.Builder headers = FieldMap.builder(CloudFrontHeader.values().length);

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
        headers.add(header.headerName(), value);
      }
    }

    AddedHeaders build() {
      return new AddedHeaders(headers.build());
    }
  }
}
