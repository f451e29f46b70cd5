package dev.cfsim.emulator;

import java.util.Objects;

/**
 * One request shown as an example of a decision (reports key samples by decision), with what
 * the function did to it.
 *
 * @param viewerIp the viewer's IP
 * @param country {@code cloudfront-viewer-country}, or {@code unknown}
 * @param device the device class (see {@link EmulationTally})
 * @param method the HTTP method
 * @param host the {@code host} header, empty when absent
 * @param uri the URI as the function saw it
 * @param querystring the serialised query string, empty when none
 * @param userAgent the {@code user-agent} header, empty when absent
 * @param outcome e.g. {@code 302 Found -> https://kr.example.com/a} or {@code passed unchanged}
 */
public record Sample(String viewerIp, String country, String device, String method,
    String host, String uri, String querystring, String userAgent, String outcome) {
  public Sample {
    Objects.requireNonNull(outcome, "outcome");
  }
}
