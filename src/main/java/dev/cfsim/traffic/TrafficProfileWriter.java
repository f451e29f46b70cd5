package dev.cfsim.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.cfsim.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a traffic profile in the schema {@link TrafficProfileReader} reads: absolute amounts,
 * requests per month, data in GB. Pure: profile in, text (or an ordered map to embed) out.
 */
public final class TrafficProfileWriter {
  private static final YAMLFactory READER = new YAMLFactory();

  private static final ObjectMapper YAML =
      YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(new ReadBackQuoting()).build())
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
    m.put("kvs_api_calls", plain(p.kvsApiCalls()));
    return m;
  }

  /** Without trailing zeros and never in exponent form: 4380, not 4.38E+3. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  /**
   * Quotes a string that a YAML reader would not read back as the same string. Jackson's own
   * check quotes {@code true} or {@code 12} but writes {@code .inf}, {@code 1e3} and {@code .5}
   * plain, which read back as numbers ({@code cfsim estimate} refused the first, changed the
   * others); so a value is also quoted unless reading it plain gives that very string.
   */
  private static final class ReadBackQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || !readsBackAsWritten(value);
    }
  }

  /** Whether {@code value}, written plain as a mapping's value, reads back as that same string. */
  static boolean readsBackAsWritten(String value) {
    try (YAMLParser p = (YAMLParser) READER.createParser("key: " + value)) {
      return p.nextToken() == JsonToken.START_OBJECT
          && p.nextToken() == JsonToken.FIELD_NAME
          && p.nextToken() == JsonToken.VALUE_STRING
          && !p.isCurrentAlias()
          && value.equals(p.getText())
          && p.nextToken() == JsonToken.END_OBJECT
          && p.nextToken() == null;
    } catch (IOException e) { // not YAML at all when plain
      return false;
    }
  }

  private static String write(ObjectMapper mapper, TrafficProfile profile) {
    try {
      return mapper.writeValueAsString(toMap(profile));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
