package dev.cfsim.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cfsim.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a traffic profile in the schema {@link TrafficProfileReader} reads: absolute amounts,
 * requests per month, data in GB. Pure: profile in, text (or an ordered map to embed) out.
 */
public final class TrafficProfileWriter {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private TrafficProfileWriter() {}

  /** The profile as YAML. */
  public static String toYaml(TrafficProfile profile) {
    return write(YAML, profile);
  }

  /** The profile as pretty-printed JSON. */
  public static String toJson(TrafficProfile profile) {
    return Json.text(toMap(profile));
  }

  /** The profile as an ordered map of the schema's keys, for embedding in a larger document. */
  public static Map<String, Object> toMap(TrafficProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("hours", plain(p.hours()));
    m.put("price_class", p.priceClass().id());
    m.put("free_tier", p.freeTier().id());
    Map<String, Object> regions = new LinkedHashMap<>();
    p.regions().forEach((region, t) -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("requests", plain(t.requests()));
      r.put("https_share", plain(t.httpsShare()));
      r.put("data_out", plain(t.dataOutGb()));
      r.put("data_to_origin", plain(t.dataToOriginGb()));
      regions.put(region.id(), r);
    });
    m.put("regions", regions);
    Map<String, Object> functions = new LinkedHashMap<>();
    functions.put("viewer_request", plain(p.functions().viewerRequest()));
    functions.put("viewer_response", plain(p.functions().viewerResponse()));
    functions.put("kvs_reads_per_invocation", plain(p.functions().kvsReadsPerInvocation()));
    m.put("functions", functions);
    Map<String, Object> lambda = new LinkedHashMap<>();
    lambda.put("invocations_per_request", plain(p.lambdaEdge().invocationsPerRequest()));
    lambda.put("duration_ms", plain(p.lambdaEdge().durationMs()));
    lambda.put("memory_mb", plain(p.lambdaEdge().memoryMb()));
    m.put("lambda_edge", lambda);
    if (!p.originShield().region().isEmpty() || p.originShield().requests().signum() > 0) {
      Map<String, Object> shield = new LinkedHashMap<>();
      shield.put("region", p.originShield().region());
      shield.put("requests", plain(p.originShield().requests()));
      m.put("origin_shield", shield);
    }
    m.put("invalidation_paths", plain(p.invalidationPaths()));
    m.put("realtime_log_lines", plain(p.realtimeLogLines()));
    m.put("field_level_encryption_requests", plain(p.fieldLevelEncryptionRequests()));
    m.put("dedicated_ip_certificates", plain(p.dedicatedIpCertificates()));
    return m;
  }

  /** Without trailing zeros and never in exponent form: 4380, not 4.38E+3. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private static String write(ObjectMapper mapper, TrafficProfile profile) {
    try {
      return mapper.writeValueAsString(toMap(profile));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
