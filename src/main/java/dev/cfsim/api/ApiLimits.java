package dev.cfsim.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What the API accepts from one request. The limits keep a single caller from tying up memory
 * or threads: an estimate needs a few kilobytes of JSON, so anything far past that is abuse or
 * a mistake, and is refused with a 4xx before any work is done.
 *
 * @param maxBodyBytes largest JSON request body, in bytes (413 past it)
 * @param maxJsonDepth deepest nesting of JSON objects and arrays (400 past it)
 * @param maxStringLength longest JSON string, in characters (400 past it)
 * @param maxUploadBytes largest log upload for an emulation, after decompression (413 past it)
 * @param maxUploadRecords most log records one emulation replays (413 past it)
 * @param requestTimeout longest a request may take: the idle timeout of a connection, the
 *     deadline of the heavy work (emulations, function checks), and the time a request body
 *     has to arrive from its first read (a log upload: this per {@code maxBodyBytes} declared)
 */
public record ApiLimits(
    long maxBodyBytes,
    int maxJsonDepth,
    int maxStringLength,
    long maxUploadBytes,
    long maxUploadRecords,
    Duration requestTimeout) {

  /** Limits for a profile-sized API: 64 KiB bodies, 32 levels, 4 MiB of logs, 10 s. */
  public static final ApiLimits DEFAULT =
      new ApiLimits(64 * 1024, 32, 8 * 1024, 4L * 1024 * 1024, 20_000, Duration.ofSeconds(10));

  public ApiLimits {
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(maxJsonDepth, "maxJsonDepth");
    requirePositive(maxStringLength, "maxStringLength");
    requirePositive(maxUploadBytes, "maxUploadBytes");
    requirePositive(maxUploadRecords, "maxUploadRecords");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /** The same limits with another body size; tests use it to provoke a 413 cheaply. */
  public ApiLimits withMaxBodyBytes(long bytes) {
    return new ApiLimits(
        bytes, maxJsonDepth, maxStringLength, maxUploadBytes, maxUploadRecords, requestTimeout);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
