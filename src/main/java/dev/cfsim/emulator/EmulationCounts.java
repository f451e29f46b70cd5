package dev.cfsim.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What replaying the traffic counted. Request counts are weighted (a sampled real-time log line
 * stands for several requests), so they are decimals; {@code records} counts log lines.
 *
 * @param records log records replayed
 * @param requests viewer requests they stand for: the function's invocations
 * @param decisions decision id to requests, in rule order, then {@code pass} or {@code default}
 * @param byCountry country code (or {@code unknown}) to decision id to requests, most requests first
 * @param byDevice device class to decision id to requests, most requests first
 * @param redirectTargets status and target site to requests, most first
 * @param samples decision id to a few example requests (chosen by a hash, so the same logs give
 *     the same samples on every run)
 * @param edgeResponses requests answered at the edge (redirects): they never reach cache or origin
 * @param originFetchesAvoided of those, requests the log shows went to the origin (Miss,
 *     RefreshHit): the origin requests the rules save
 * @param changedRequests requests forwarded with a changed URI or headers
 * @param requestsWithoutHost requests whose log line gave no Host (neither {@code x-host-header}
 *     nor {@code cs(Host)}): replayed without one, which CloudFront always has
 * @param redirectsChangingMethod decision id to redirected requests a browser would not resend as
 *     they were (a POST answered 301/302/303, a redirected OPTIONS preflight), only ids with some
 * @param redirectsToSelf decision id to requests redirected to the very URL they asked for (a
 *     redirect loop), only ids with some
 */
public record EmulationCounts(
    long records,
    double requests,
    Map<String, Double> decisions,
    Map<String, Map<String, Double>> byCountry,
    Map<String, Map<String, Double>> byDevice,
    Map<String, Double> redirectTargets,
    Map<String, List<Sample>> samples,
    double edgeResponses,
    double originFetchesAvoided,
    double changedRequests,
    double requestsWithoutHost,
    Map<String, Double> redirectsChangingMethod,
    Map<String, Double> redirectsToSelf) {

  public EmulationCounts {
    decisions = ordered(decisions);
    redirectsChangingMethod = ordered(redirectsChangingMethod);
    redirectsToSelf = ordered(redirectsToSelf);
    byCountry = ordered(byCountry);
    byDevice = ordered(byDevice);
    redirectTargets = ordered(redirectTargets);
    samples = ordered(samples);
  }

  /** An unmodifiable copy that keeps the given order (Map.copyOf would lose it). */
  private static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
  }
}
