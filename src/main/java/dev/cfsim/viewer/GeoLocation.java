package dev.cfsim.viewer;

import java.util.Objects;

/**
 * Where a geo database places a viewer's IP: the facts behind CloudFront's geo headers. Text is
 * plain (not yet percent-encoded); {@code ""} or {@code null} means the database does not know.
 *
 * @param countryCode ISO 3166-1 alpha-2, e.g. {@code KR}
 * @param countryName English name, e.g. {@code South Korea}
 * @param regionCode first-level ISO 3166-2 subdivision code without the country, e.g. {@code 11}
 * @param regionName the subdivision's English name
 * @param city English city name
 * @param postalCode postal code
 * @param timeZone IANA time zone, e.g. {@code Asia/Seoul}
 * @param latitude approximate latitude in decimal degrees; null when unknown
 * @param longitude approximate longitude in decimal degrees; null when unknown
 * @param metroCode US metro (DMA) code; null outside the US or when unknown
 */
public record GeoLocation(
    String countryCode,
    String countryName,
    String regionCode,
    String regionName,
    String city,
    String postalCode,
    String timeZone,
    Double latitude,
    Double longitude,
    Integer metroCode) {

  public GeoLocation {
    countryCode = Objects.requireNonNullElse(countryCode, "");
    countryName = Objects.requireNonNullElse(countryName, "");
    regionCode = Objects.requireNonNullElse(regionCode, "");
    regionName = Objects.requireNonNullElse(regionName, "");
    city = Objects.requireNonNullElse(city, "");
    postalCode = Objects.requireNonNullElse(postalCode, "");
    timeZone = Objects.requireNonNullElse(timeZone, "");
  }

  /** A location known only to the country, as country-only databases give it. */
  public static GeoLocation country(String countryCode, String countryName) {
    return new GeoLocation(countryCode, countryName, "", "", "", "", "", null, null, null);
  }
}
