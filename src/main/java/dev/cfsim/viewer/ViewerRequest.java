package dev.cfsim.viewer;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code request} object of a CloudFront Functions viewer-request event. Header names are
 * lower-case; query-string and cookie names are kept as the viewer sent them. Maps keep arrival
 * order, which is the order a function iterating them would see.
 *
 * @param method HTTP method, read-only for a function
 * @param uri the path, always starting with {@code /}, percent-encoding as received
 * @param querystring parameters by name; empty when the URL had none
 * @param headers headers by lower-case name, without {@code cookie}
 * @param cookies cookies parsed out of the {@code Cookie} header
 */
public record ViewerRequest(
    String method,
    String uri,
    Map<String, FieldValue> querystring,
    Map<String, FieldValue> headers,
    Map<String, FieldValue> cookies) {

  public ViewerRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    querystring = frozen(querystring);
    headers = frozen(headers);
    cookies = frozen(cookies);
  }

  /** An immutable copy in arrival order; cfsim's own immutable maps are kept as they are. */
  private static Map<String, FieldValue> frozen(Map<String, FieldValue> map) {
    if (map instanceof OnDemandFieldMap) {
      return map;
    }
    return map == null ? FieldMap.empty() : FieldMap.copyOf(map);
  }
}
