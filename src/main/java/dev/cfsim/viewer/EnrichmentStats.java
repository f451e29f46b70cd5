package dev.cfsim.viewer;

/**
 * What the enricher saw, so nothing is lost silently: every request without geo headers is
 * counted.
 *
 * @param events events built
 * @param unknownIps events whose viewer IP the geo database does not know (private, reserved,
 *     unassigned): they carry no geo headers, as on CloudFront
 * @param unparsableIps events whose viewer IP is not an IP address at all
 */
public record EnrichmentStats(long events, long unknownIps, long unparsableIps) {}
