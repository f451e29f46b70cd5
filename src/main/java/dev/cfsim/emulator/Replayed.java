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
 */
public record Replayed(double weight, String edgeResultType, ViewerRequestEvent event, Decision decision) {
  public Replayed {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(decision, "decision");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive: " + weight);
    }
  }
}
