package dev.cfsim.viewer;

import java.util.Objects;

/**
 * A CloudFront Functions viewer-request event: what a function's {@code handler(event)} receives.
 * The emulator and the generated JavaScript decide on the same event, so this is the one input
 * both sides share.
 *
 * @param distributionDomainName e.g. {@code d111111abcdef8.cloudfront.net}; may be empty
 * @param distributionId e.g. {@code EDFDVBD6EXAMPLE}; may be empty
 * @param requestId the request's id (from the log's {@code x-edge-request-id}); may be empty
 * @param viewerIp the viewer's IP address, IPv4 or IPv6
 * @param request the request as the function sees it, with the headers CloudFront adds
 */
public record ViewerRequestEvent(
    String distributionDomainName,
    String distributionId,
    String requestId,
    String viewerIp,
    ViewerRequest request) {

  /** The event format version CloudFront sends. */
  public static final String VERSION = "1.0";

  /** The only event type a viewer-request function receives. */
  public static final String EVENT_TYPE = "viewer-request";

  public ViewerRequestEvent {
    distributionDomainName = Objects.requireNonNullElse(distributionDomainName, "");
    distributionId = Objects.requireNonNullElse(distributionId, "");
    requestId = Objects.requireNonNullElse(requestId, "");
    Objects.requireNonNull(viewerIp, "viewerIp");
    Objects.requireNonNull(request, "request");
  }
}
