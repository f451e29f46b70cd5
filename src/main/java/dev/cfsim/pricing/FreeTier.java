package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * CloudFront's always-free tier: monthly allowances for the whole AWS account, not per region
 * or distribution.
 *
 * @param dataTransferOutGb data transfer out to the internet (1 TB = 1,024 GB)
 * @param requests HTTP and HTTPS requests together
 * @param functionInvocations CloudFront Functions invocations
 * @param kvsReads CloudFront KeyValueStore reads
 * @param source where the allowances were read
 */
public record FreeTier(
    BigDecimal dataTransferOutGb, BigDecimal requests, BigDecimal functionInvocations, BigDecimal kvsReads, Source source) {
  public FreeTier {
    Objects.requireNonNull(dataTransferOutGb, "data_transfer_out_gb");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(functionInvocations, "function_invocations");
    Objects.requireNonNull(kvsReads, "kvs_reads");
    Objects.requireNonNull(source, "source");
  }
}
