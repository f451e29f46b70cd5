package dev.cfsim.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.Json;
import dev.cfsim.UserFiles;
import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps {@code x-edge-location} codes to their place and pricing region, from
 * {@code pricing/edge-locations.json} (shipped in the jar) plus an optional user override file
 * of the same shape. Only the letters before the first digit count ({@code ICN54-C1} → ICN);
 * the number and the {@code -C1}/{@code -P7} suffixes are undocumented and ignored. An unknown
 * code is never guessed: {@link #find} returns empty and callers report it.
 */
public final class EdgeLocations {

  /** Where the shipped list lives on the classpath. */
  public static final String RESOURCE = "/pricing/edge-locations.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, EdgeLocation> byCode;
  private final Map<String, Optional<EdgeLocation>> byLocation = new ConcurrentHashMap<>();

  private EdgeLocations(Map<String, EdgeLocation> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** The list shipped with cfsim. */
  public static EdgeLocations builtIn() {
    try (InputStream in = EdgeLocations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return new EdgeLocations(parse(JSON.readTree(in), RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This list with the entries of {@code file} added, replacing codes it also defines. */
  public EdgeLocations withOverrides(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(UserFiles.readText(file));
    } catch (JsonProcessingException e) {
      throw Json.ReadProblem.of(e).refusal(file.toString(), "JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the text is in memory: no I/O can fail
    }
    Map<String, EdgeLocation> merged = new HashMap<>(byCode);
    merged.putAll(parse(root, file.toString()));
    return new EdgeLocations(merged);
  }

  /** The edge location a log's {@code x-edge-location} value belongs to, if known. */
  public Optional<EdgeLocation> find(String edgeLocation) {
    if (edgeLocation == null) {
      return Optional.empty();
    }
    Optional<EdgeLocation> hit = byLocation.get(edgeLocation);
    if (hit == null) {
      hit = Optional.ofNullable(byCode.get(prefix(edgeLocation)));
      if (byLocation.size() < 100_000) {
        byLocation.put(edgeLocation, hit);
      }
    }
    return hit;
  }

  /** The known code prefixes, e.g. for the generator to pick from. */
  public Map<String, EdgeLocation> all() {
    return byCode;
  }

  /** The letters before the first digit, upper case: {@code ICN54-C1} → {@code ICN}. */
  public static String prefix(String edgeLocation) {
    int i = 0;
    while (i < edgeLocation.length() && Character.isLetter(edgeLocation.charAt(i))) {
      i++;
    }
    return edgeLocation.substring(0, i).toUpperCase(Locale.ROOT);
  }

  private static Map<String, EdgeLocation> parse(JsonNode root, String source) {
    JsonNode locations = root.path("locations");
    if (!locations.isObject()) {
      throw new InvalidInputException(source, "locations", "expected an object of code: {city, country, region}");
    }
    Map<String, EdgeLocation> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = locations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String code = e.getKey().toUpperCase(Locale.ROOT);
      String where = "locations." + e.getKey();
      if (code.isEmpty() || !code.chars().allMatch(Character::isLetter)) {
        throw new InvalidInputException(source, where, "a code is letters only, e.g. ICN");
      }
      JsonNode v = e.getValue();
      String country = v.path("country").asText("");
      if (!country.matches("[A-Z]{2}")) {
        throw new InvalidInputException(source, where + ".country", "expected an ISO code such as KR");
      }
      Optional<PricingRegion> region = Optional.empty();
      JsonNode r = v.path("region");
      if (!r.isNull() && !r.isMissingNode()) {
        region = PricingRegion.fromId(r.asText());
        if (region.isEmpty()) {
          throw new InvalidInputException(
              source, where + ".region",
              "unknown region '" + r.asText() + "'; one of " + PricingRegion.allIds() + " or null");
        }
      }
      out.put(code, new EdgeLocation(code, v.path("city").asText(code), country, region, v.path("note").asText("")));
    }
    return out;
  }
}
