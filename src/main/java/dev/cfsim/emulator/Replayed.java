package dev.cfsim.emulator;

import dev.cfsim.rules.Decision;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.Objects;

/**
 * One recorded request after replay: the event the function saw and what it decided.
 *
 * @param weight how many requests the log line stands for (1, more for sampled real-time logs)
 * @param edgeResultType the log's {@code x-edge-result-type} (Hit, Miss, …); null when unknown
 * @param event the viewer-request event, with the headers CloudFront adds
 * @param decision what the rules returned
 * @param https the viewer used HTTPS (the log's cs-protocol; taken as HTTPS when not logged, as
 *     the bill takes it): the scheme a redirect to the same URL must keep to be a loop
 */
public record Replayed(double weight, String edgeResultType, ViewerRequestEvent event, Decision decision,
    boolean https) {

  /** A request over HTTPS, as most are. */
  public Replayed(double weight, String edgeResultType, ViewerRequestEvent event, Decision decision) {
    this(weight, edgeResultType, event, decision, true);
  }

  public Replayed {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(decision, "decision");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive: " + weight);
    }
  }
}
