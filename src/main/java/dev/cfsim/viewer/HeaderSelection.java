package dev.cfsim.viewer;

import dev.cfsim.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which CloudFront headers the distribution's cache and origin request policies add; CloudFront
 * adds only the ones a policy names, so rules can only see those.
 *
 * @param headers the headers added to every request (when a value is known)
 */
public record HeaderSelection(Set<CloudFrontHeader> headers) {

  public HeaderSelection {
    headers = headers.isEmpty()
        ? Set.of()
        : Set.copyOf(EnumSet.copyOf(headers));
  }

  /** Every header CloudFront can add: cfsim's default. */
  public static HeaderSelection all() {
    return new HeaderSelection(EnumSet.allOf(CloudFrontHeader.class));
  }

  /** Only the given headers. */
  public static HeaderSelection of(CloudFrontHeader first, CloudFrontHeader... rest) {
    return new HeaderSelection(EnumSet.of(first, rest));
  }

  /**
   * Reads a comma-separated list of header names (any case), or {@code all}.
   *
   * @param source where the list came from, named in the error, e.g. {@code --headers}
   */
  public static HeaderSelection parse(String list, String source) {
    if (list.trim().equalsIgnoreCase("all")) {
      return all();
    }
    EnumSet<CloudFrontHeader> set = EnumSet.noneOf(CloudFrontHeader.class);
    for (String name : list.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      set.add(CloudFrontHeader.byName(name).orElseThrow(() -> new InvalidInputException(
          source, "", "'" + name.trim() + "' is not a header CloudFront adds"
              + " (e.g. cloudfront-viewer-country)")));
    }
    return new HeaderSelection(set);
  }

  /** True when the policy adds this header. */
  public boolean contains(CloudFrontHeader header) {
    return headers.contains(header);
  }
}
