package dev.cfsim.pricing;

import java.util.Objects;

/**
 * What CloudFront charges in one pricing region.
 *
 * @param dataTransferOut data transfer out to the internet, tiered by the region's monthly volume
 * @param dataTransferOrigin data transfer out from the edge to the origin, flat per GB
 * @param requestsHttp HTTP requests
 * @param requestsHttps HTTPS requests
 */
public record RegionalPrices(TieredRate dataTransferOut, Rate dataTransferOrigin, Rate requestsHttp, Rate requestsHttps) {
  public RegionalPrices {
    Objects.requireNonNull(dataTransferOut, "data_transfer_out");
    Objects.requireNonNull(dataTransferOrigin, "data_transfer_origin");
    Objects.requireNonNull(requestsHttp, "requests_http");
    Objects.requireNonNull(requestsHttps, "requests_https");
  }
}
