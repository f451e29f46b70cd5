package dev.cfsim.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.Json;
import dev.cfsim.UserFiles;
import dev.cfsim.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code cfsim loggen} generates: viewer countries and their edge locations, devices,
 * cache results, statuses, methods and object sizes. The default lives in
 * {@code default-mix.yaml} next to this class, which documents every field; {@code --mix FILE}
 * replaces it. Shares are relative weights.
 */
public record GeneratorMix(
    String distributionId,
    String host,
    String start,
    int hours,
    int linesPerFile,
    double httpsShare,
    Map<String, Country> countries,
    List<Double> diurnal,
    List<UserAgent> userAgents,
    Map<String, Double> cacheResults,
    Map<String, Double> errorStatuses,
    double notModifiedShare,
    Map<String, Double> methods,
    Map<String, Double> httpVersions,
    List<ObjectKind> objects) {

  /** Viewers of one country: their share, local time and the edge locations that serve them. */
  public record Country(double share, int utcOffset, List<String> edgeLocations) {}

  /** One User-Agent and the device class it stands for. */
  public record UserAgent(String device, double share, String userAgent) {}

  /**
   * A kind of object: its path ({@code {n}} becomes a number), content type and Pareto size.
   */
  public record ObjectKind(
      String path,
      double share,
      String contentType,
      double paretoScale,
      double paretoShape,
      long maxBytes) {}

  /** Binds the tree YamlTree read; the YAML itself is never parsed here. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The documented default mix shipped with cfsim. */
  public static GeneratorMix defaults() {
    try (InputStream in = GeneratorMix.class.getResourceAsStream("default-mix.yaml")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-mix.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("default-mix.yaml is unreadable", e);
    }
  }

  /** Reads a mix file of the same shape as the default. */
  public static GeneratorMix read(Path file) {
    return parse(UserFiles.readText(file), file.toString());
  }

  private static GeneratorMix parse(String text, String source) {
    GeneratorMix mix;
    try {
      // through YamlTree, as profiles and rules: one document, no aliases or tags, numbers as written
      JsonNode tree = YamlTree.read(source, text, YamlTree.Decimals.NUMBERS);
      if (tree == null) {
        throw new InvalidInputException(source, "", "is empty");
      }
      requireFields(source, tree);
      mix = MAPPER.treeToValue(tree, GeneratorMix.class);
    } catch (JsonMappingException e) {
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      throw new InvalidInputException(source, path, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw Json.ReadProblem.of(e).refusal(source, "YAML", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the text is in memory: no I/O can fail
    }
    mix.validate(source);
    return mix;
  }

  /**
   * Refuses a mix that leaves out a top-level field, naming it as missing: bound as it is, the
   * field would read as empty or zero and be refused as malformed ("expected a host name").
   * {@code error_statuses} may be left out when the cache results have no Error.
   */
  private static void requireFields(String source, JsonNode tree) {
    if (!tree.isObject()) {
      return; // binding says what it expected
    }
    PropertyNamingStrategies.NamingBase snake = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    for (var component : GeneratorMix.class.getRecordComponents()) {
      String field = snake.translate(component.getName());
      boolean optional = field.equals("error_statuses") && !tree.path("cache_results").has("Error");
      if (!tree.has(field) && !optional) {
        throw new InvalidInputException(source, field, "missing: a mix file gives every field of"
            + " src/main/resources/dev/cfsim/logs/default-mix.yaml");
      }
    }
  }

  /** Checks what Jackson cannot: shares, ranges, edge locations known to the price map. */
  void validate(String source) {
    require(source, "distribution_id", distributionId != null && distributionId.matches("[A-Z0-9]{1,32}"),
        "letters and digits, like E2ABC123");
    require(source, "host", host != null && !host.isBlank(), "a host name");
    require(source, "start", start != null && parsesAsInstant(start) && startInstant().getEpochSecond() % 3600 == 0,
        "an ISO instant on the hour, such as 2026-11-02T00:00:00Z");
    require(source, "hours", hours >= 1 && hours <= 24 * 366, "1 to 8784");
    require(source, "lines_per_file", linesPerFile >= 1, "at least 1");
    require(source, "https_share", httpsShare >= 0 && httpsShare <= 1, "0 to 1");
    require(source, "not_modified_share", notModifiedShare >= 0 && notModifiedShare <= 1, "0 to 1");
    require(source, "diurnal", diurnal != null && diurnal.size() == 24
        && diurnal.stream().allMatch(d -> d != null && d > 0), "24 positive weights");
    require(source, "countries", countries != null && !countries.isEmpty(), "at least one country");
    EdgeLocations edges = EdgeLocations.builtIn();
    countries.forEach((code, c) -> {
      String at = "countries." + code;
      require(source, at, code.matches("[A-Z]{2}"), "an ISO country code such as KR");
      require(source, at + ".share", c.share() > 0, "a positive share");
      require(source, at + ".edge_locations", c.edgeLocations() != null && !c.edgeLocations().isEmpty(),
          "at least one edge location");
      for (String e : c.edgeLocations()) {
        require(source, at + ".edge_locations", edges.find(e).flatMap(EdgeLocation::region).isPresent(),
            e + " is not an edge location with a pricing region");
      }
    });
    require(source, "user_agents", userAgents != null && !userAgents.isEmpty()
        && userAgents.stream().allMatch(u -> u.share() > 0 && u.userAgent() != null), "user agents with positive shares");
    weights(source, "cache_results", cacheResults);
    weights(source, "methods", methods);
    weights(source, "http_versions", httpVersions);
    if (cacheResults.containsKey("Error")) {
      weights(source, "error_statuses", errorStatuses);
      errorStatuses.keySet().forEach(s ->
          require(source, "error_statuses", s.matches("[0-9]{3}"), "three-digit statuses, got " + s));
    }
    require(source, "objects", objects != null && !objects.isEmpty(), "at least one kind of object");
    for (int i = 0; i < objects.size(); i++) {
      ObjectKind o = objects.get(i);
      String at = "objects[" + i + "]";
      require(source, at, o.path() != null && o.path().startsWith("/"), "a path starting with /");
      require(source, at + ".share", o.share() > 0, "a positive share");
      require(source, at + ".pareto_scale", o.paretoScale() >= 1, "at least 1 byte");
      require(source, at + ".pareto_shape", o.paretoShape() > 0, "positive");
      require(source, at + ".max_bytes", o.maxBytes() >= o.paretoScale(), "at least pareto_scale");
    }
  }

  /** The first hour of the log window. */
  public Instant startInstant() {
    return Instant.parse(start);
  }

  private static boolean parsesAsInstant(String s) {
    try {
      Instant.parse(s);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static void weights(String source, String field, Map<String, Double> m) {
    require(source, field, m != null && !m.isEmpty()
        && m.values().stream().allMatch(v -> v != null && v >= 0)
        && m.values().stream().mapToDouble(Double::doubleValue).sum() > 0, "non-negative weights, not all zero");
  }

  private static void require(String source, String field, boolean ok, String expected) {
    if (!ok) {
      throw new InvalidInputException(source, field, "expected " + expected);
    }
  }
}
