package dev.cfsim.api;

import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.report.EstimateRenderer;
import dev.cfsim.report.Format;
import dev.cfsim.traffic.TrafficProfile;

/**
 * The work {@code POST /api/v1/estimates} does for a body it has not seen, minus HTTP: the
 * route's body checks, the profile reader, the engine and the JSON renderer, in the route's
 * order. Lives beside the (package-private) API classes so the benchmark measures them, not a copy.
 */
public final class EstimateRequestPath {
  private final RequestBodies bodies = new RequestBodies(ApiLimits.DEFAULT);
  private final PriceBookCatalog books = PriceBookCatalog.shipped();
  private int lastKeyLength;

  /** The answer's JSON for {@code body}, as the route computes it on a cache miss. */
  public String answer(String body) {
    String key = AnswerCache.key(CfsimApi.V1 + "/estimates", null, body);
    TrafficProfile profile = EstimateRoutes.profile(body, bodies.checkJsonObject(body));
    CostEstimate estimate = CostEngine.estimate(profile, books.forParameter(null), EstimateOptions.AS_PROFILED);
    lastKeyLength = key.length(); // kept, so the key is built as the route builds it
    return EstimateRenderer.render(estimate, Format.JSON, null);
  }

  /** Length of the last cache key built. */
  public int lastKeyLength() {
    return lastKeyLength;
  }

  /** The route's body checks alone (limits, nesting, sane numbers). */
  public void check(String body) {
    bodies.checkJsonObject(body);
  }
}
