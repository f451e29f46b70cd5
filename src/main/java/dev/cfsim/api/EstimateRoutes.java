package dev.cfsim.api;

import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.PlanComparer;
import dev.cfsim.pricing.PlanComparison;
import dev.cfsim.report.EstimateRenderer;
import dev.cfsim.report.Format;
import dev.cfsim.report.PlansRenderer;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * {@code POST /api/v1/estimates} and {@code POST /api/v1/plans/compare}: a traffic profile in,
 * the same JSON {@code cfsim estimate} and {@code cfsim plans} print out, from the same renderers.
 */
final class EstimateRoutes {
  /** How errors in the profile name their source. */
  static final String SOURCE = "request body";

  private final RequestBodies bodies;
  private final PriceBookCatalog books;

  EstimateRoutes(RequestBodies bodies, PriceBookCatalog books) {
    this.bodies = bodies;
    this.books = books;
  }

  void register(Javalin app) {
    app.post(CfsimApi.V1 + "/estimates", this::estimate);
    app.post(CfsimApi.V1 + "/plans/compare", this::compare);
  }

  private void estimate(Context ctx) {
    PricingQuery query = PricingQuery.from(ctx, books);
    TrafficProfile profile = profile(ctx);
    CostEstimate estimate = CostEngine.estimate(profile, query.book(), query.options());
    ctx.contentType("application/json")
        .result(EstimateRenderer.render(estimate, Format.JSON, query.conversion()));
  }

  private void compare(Context ctx) {
    PricingQuery query = PricingQuery.from(ctx, books);
    TrafficProfile profile = profile(ctx);
    PlanComparison comparison = PlanComparer.compare(profile, query.book(), query.options());
    ctx.contentType("application/json").result(PlansRenderer.render(comparison, Format.JSON, query.conversion()));
  }

  private TrafficProfile profile(Context ctx) {
    return TrafficProfileReader.parse(SOURCE, bodies.readJsonText(ctx));
  }
}
