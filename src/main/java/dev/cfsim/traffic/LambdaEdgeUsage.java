package dev.cfsim.traffic;

import java.math.BigDecimal;

/**
 * Lambda@Edge functions attached to the distribution.
 *
 * @param invocationsPerRequest invocations per viewer request, all triggers together
 * @param durationMs mean billed duration of one invocation in milliseconds (metered in 1 ms steps)
 * @param memoryMb memory configured for the function, in MB
 */
public record LambdaEdgeUsage(BigDecimal invocationsPerRequest, BigDecimal durationMs, BigDecimal memoryMb) {

  /**
   * Memory Lambda@Edge allows: viewer triggers 128 MB, origin triggers 128 to 10,240 MB (AWS
   * Lambda@Edge quotas, developer guide "Quotas on Lambda@Edge").
   */
  public static final BigDecimal MIN_MEMORY_MB = new BigDecimal(128);
  public static final BigDecimal MAX_MEMORY_MB = new BigDecimal(10240);

  /** No Lambda@Edge. */
  public static final LambdaEdgeUsage NONE = new LambdaEdgeUsage(BigDecimal.ZERO, new BigDecimal(5), new BigDecimal(128));

  public LambdaEdgeUsage {
    Amounts.nonNegative(invocationsPerRequest, "lambda_edge.invocations_per_request");
    Amounts.nonNegative(durationMs, "lambda_edge.duration_ms");
    Amounts.positive(memoryMb, "lambda_edge.memory_mb");
  }
}
