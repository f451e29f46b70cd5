package dev.cfsim.pricing;

import java.util.Arrays;
import java.util.Optional;

/** A kind of CloudFront charge: one line of the bill per component (and region). Ids are a stable contract. */
public enum Component {
  DATA_TRANSFER_OUT("data_transfer_out", "GB", "Data transfer out to the internet"),
  DATA_TRANSFER_ORIGIN("data_transfer_origin", "GB", "Data transfer out to origin"),
  REQUESTS_HTTP("requests_http", "requests", "HTTP requests"),
  REQUESTS_HTTPS("requests_https", "requests", "HTTPS requests"),
  FUNCTIONS("functions", "invocations", "CloudFront Functions invocations"),
  KVS_READS("kvs_reads", "reads", "CloudFront KeyValueStore reads"),
  KVS_API_CALLS("kvs_api_calls", "calls", "CloudFront KeyValueStore API calls"),
  LAMBDA_EDGE_REQUESTS("lambda_edge_requests", "requests", "Lambda@Edge requests"),
  LAMBDA_EDGE_DURATION("lambda_edge_duration", "GB-s", "Lambda@Edge duration"),
  ORIGIN_SHIELD_REQUESTS("origin_shield_requests", "requests", "Origin Shield requests"),
  INVALIDATIONS("invalidations", "paths", "Invalidation paths"),
  REALTIME_LOGS("realtime_logs", "log lines", "Real-time log lines"),
  FIELD_LEVEL_ENCRYPTION("field_level_encryption", "requests", "Field-level encryption requests"),
  DEDICATED_IP("dedicated_ip", "certificates", "Dedicated IP custom SSL");

  private final String id;
  private final String unit;
  private final String title;

  Component(String id, String unit, String title) {
    this.id = id;
    this.unit = unit;
    this.title = title;
  }

  /** The stable id used in JSON output and price books. */
  public String id() {
    return id;
  }

  /** What the quantity counts. */
  public String unit() {
    return unit;
  }

  /** A human title for tables. */
  public String title() {
    return title;
  }

  /** The component with this id, if any. */
  public static Optional<Component> fromId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
