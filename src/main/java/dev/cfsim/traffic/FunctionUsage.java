package dev.cfsim.traffic;

import java.math.BigDecimal;

/**
 * CloudFront Functions attached to the distribution, as invocations per viewer request.
 *
 * @param viewerRequest invocations of a viewer-request function per request (1.0: every request)
 * @param viewerResponse invocations of a viewer-response function per request
 * @param kvsReadsPerInvocation CloudFront KeyValueStore reads made by each invocation
 */
public record FunctionUsage(BigDecimal viewerRequest, BigDecimal viewerResponse, BigDecimal kvsReadsPerInvocation) {

  /** No functions attached. */
  public static final FunctionUsage NONE = new FunctionUsage(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public FunctionUsage {
    Amounts.nonNegative(viewerRequest, "functions.viewer_request");
    Amounts.nonNegative(viewerResponse, "functions.viewer_response");
    Amounts.nonNegative(kvsReadsPerInvocation, "functions.kvs_reads_per_invocation");
  }

  /** Invocations of both event types per viewer request. */
  public BigDecimal invocationsPerRequest() {
    return viewerRequest.add(viewerResponse);
  }
}
