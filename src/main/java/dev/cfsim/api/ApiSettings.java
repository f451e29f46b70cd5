package dev.cfsim.api;

import java.util.List;
import java.util.Objects;

/**
 * How {@code cfsim serve} listens: address, port, which browser origins may call it, and the
 * request limits.
 *
 * @param host the address to bind; loopback by default so nothing is exposed by accident
 * @param port the TCP port; 0 picks a free one (tests)
 * @param corsOrigins origins allowed to call the API from a browser; empty turns CORS off
 * @param limits what one request may send
 */
public record ApiSettings(String host, int port, List<String> corsOrigins, ApiLimits limits) {

  public ApiSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    limits = Objects.requireNonNullElse(limits, ApiLimits.DEFAULT);
  }

  /** Loopback, a free port, no CORS, default limits. */
  public static ApiSettings loopback(int port) {
    return new ApiSettings("127.0.0.1", port, List.of(), ApiLimits.DEFAULT);
  }

  public ApiSettings withLimits(ApiLimits newLimits) {
    return new ApiSettings(host, port, corsOrigins, newLimits);
  }

  public ApiSettings withCorsOrigins(List<String> origins) {
    return new ApiSettings(host, port, origins, limits);
  }
}
