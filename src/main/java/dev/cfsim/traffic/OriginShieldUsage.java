package dev.cfsim.traffic;

import dev.cfsim.InvalidInputException;
import java.math.BigDecimal;

/**
 * Origin Shield: the extra caching layer in one AWS Region, charged per request it handles.
 *
 * @param region the AWS Region code of the Origin Shield, e.g. {@code ap-northeast-2}; empty when unused
 * @param requests requests that reach Origin Shield in the month
 */
public record OriginShieldUsage(String region, BigDecimal requests) {

  /** Origin Shield not enabled. */
  public static final OriginShieldUsage NONE = new OriginShieldUsage("", BigDecimal.ZERO);

  public OriginShieldUsage {
    region = region == null ? "" : region.trim();
    Amounts.nonNegative(requests, "origin_shield.requests");
    if (requests.signum() > 0 && region.isEmpty()) {
      throw new InvalidInputException(Amounts.SOURCE, "origin_shield.region", "is missing (needed when origin_shield.requests > 0)");
    }
  }
}
