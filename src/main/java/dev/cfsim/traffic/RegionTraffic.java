package dev.cfsim.traffic;

import java.math.BigDecimal;

/**
 * One pricing region's viewer traffic for the month.
 *
 * @param requests viewer requests in the month
 * @param httpsShare the share of those requests made over HTTPS, 0 to 1
 * @param dataOutGb data transfer out to viewers (the internet), in GB as AWS bills it (1 TB = 1,024 GB)
 * @param dataToOriginGb data transfer from the edge to the origin (POST/PUT bodies and the like), in GB
 */
public record RegionTraffic(
    BigDecimal requests, BigDecimal httpsShare, BigDecimal dataOutGb, BigDecimal dataToOriginGb) {

  public RegionTraffic {
    Amounts.nonNegative(requests, "requests");
    Amounts.share(httpsShare, "https_share");
    Amounts.nonNegative(dataOutGb, "data_out");
    Amounts.nonNegative(dataToOriginGb, "data_to_origin");
  }

  /** Requests made over HTTPS. */
  public BigDecimal httpsRequests() {
    return requests.multiply(httpsShare);
  }

  /** Requests made over plain HTTP. */
  public BigDecimal httpRequests() {
    return requests.subtract(httpsRequests());
  }
}
