package dev.cfsim.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;

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

  /**
   * Requests made over HTTPS, to a millionth of a request or to the precision of the requests
   * if finer. A share measured from logs has no exact decimal (46 of 3,000 over HTTP is
   * 0.98466…), so the exact product would bill 2,953.999999999999 requests; a millionth of a
   * request is worth 10^-12 dollars. Never coarser than the requests, so a share of 1 leaves
   * nothing over HTTP (333.3333333 requests all over HTTPS billed 0.0000003 of them as HTTP).
   */
  public BigDecimal httpsRequests() {
    int decimals = Math.max(REQUEST_DECIMALS, requests.scale());
    BigDecimal https = requests.multiply(httpsShare).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return https.scale() < 0 ? https.setScale(0) : https;
  }

  private static final int REQUEST_DECIMALS = 6;

  /** Requests made over plain HTTP. */
  public BigDecimal httpRequests() {
    return requests.subtract(httpsRequests());
  }
}
