package dev.cfsim.api;

/** Request bodies the API tests send. */
final class Profiles {
  private Profiles() {}

  /**
   * The shop of the brief: 600,000 requests an hour from South Korea (region ap), all HTTPS,
   * 20 TB a month to viewers, one viewer-request function per request.
   */
  static final String KOREA_MALL =
      """
      {"name": "korea-mall", "hours": 730, "price_class": "all", "free_tier": "account",
       "regions": {"ap": {"requests_per_hour": 600000, "https_share": 1.0, "data_out": "20 TB"}},
       "functions": {"viewer_request": 1.0}}
      """;

  /** A small site inside the always-free tier: 1 million requests and 10 GB in Europe. */
  static final String SMALL_SITE =
      """
      {"name": "small-site", "free_tier": "account",
       "regions": {"eu": {"requests": 1000000, "https_share": 1.0, "data_out": 10}}}
      """;

  /** JSON nested {@code depth} levels deep inside a profile's regions. */
  static String nested(int depth) {
    return "{\"regions\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }
}
