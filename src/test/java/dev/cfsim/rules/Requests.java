package dev.cfsim.rules;

import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-written viewer requests for tests: {@code Requests.get("/x").header("host", "a").build()}. */
final class Requests {
  private final String method;
  private final String uri;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, List<String>> cookies = new LinkedHashMap<>();

  private Requests(String method, String uri) {
    this.method = method;
    this.uri = uri;
  }

  static Requests get(String uri) {
    return new Requests("GET", uri);
  }

  static Requests request(String method, String uri) {
    return new Requests(method, uri);
  }

  /** Adds a header value (repeat the name for a multi-value header); names as given. */
  Requests header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  Requests query(String name, String value) {
    query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  Requests cookie(String name, String value) {
    cookies.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  /** A viewer in a country with CloudFront's geo header. */
  Requests country(String code) {
    return header("cloudfront-viewer-country", code);
  }

  /** CloudFront's six device headers, {@code true} for the named ones. */
  Requests devices(Device... trueOnes) {
    for (Device d : Device.values()) {
      header(d.header(), String.valueOf(List.of(trueOnes).contains(d)));
    }
    return this;
  }

  ViewerRequest build() {
    return new ViewerRequest(method, uri, fold(query), fold(headers), fold(cookies));
  }

  private static Map<String, FieldValue> fold(Map<String, List<String>> map) {
    Map<String, FieldValue> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, FieldValue.ofAll(v)));
    return out;
  }
}
