package dev.cfsim.logs;

import java.time.Instant;

/**
 * What one CloudFront log line says about one viewer request, whichever logging option wrote it
 * (standard, standard v2, real-time). Text values are already URL-decoded the way CloudFront
 * encodes them; a value the line leaves empty ({@code -}) or its format does not carry is
 * {@code null} for text and {@code -1} for numbers (bytes default to 0, see below).
 *
 * <p>Host names follow the standard-log meaning in every format: {@code distributionHost} is the
 * distribution's domain ({@code cs(Host)}), {@code hostHeader} what the viewer sent
 * ({@code x-host-header}); the real-time reader swaps them back, since real-time logs use the
 * two names the other way round.
 *
 * @param timestampMillis when the edge finished the response, epoch milliseconds UTC
 * @param edgeLocation the {@code x-edge-location} code, e.g. {@code ICN54-C1}
 * @param bytesSent {@code sc-bytes}: bytes sent to the viewer, headers included; 0 when absent
 * @param bytesReceived {@code cs-bytes}: bytes received from the viewer; 0 when absent
 * @param clientIp {@code c-ip}, IPv4 or IPv6 as written
 * @param method HTTP method ({@code cs-method})
 * @param distributionHost {@code cs(Host)}: the distribution's CloudFront domain
 * @param uri {@code cs-uri-stem}: the path, without the query string
 * @param status {@code sc-status}; 0 when the viewer closed the connection first ({@code 000})
 * @param referer {@code cs(Referer)}
 * @param userAgent {@code cs(User-Agent)}
 * @param query {@code cs-uri-query}, without the leading {@code ?}
 * @param cookie {@code cs(Cookie)}
 * @param edgeResultType {@code x-edge-result-type}: Hit, RefreshHit, Miss, Error, …
 * @param requestId {@code x-edge-request-id}
 * @param hostHeader {@code x-host-header}: the Host header the viewer sent (a CNAME, say)
 * @param protocol {@code cs-protocol}: http, https, ws or wss
 * @param timeTakenMillis {@code time-taken} in milliseconds; -1 when absent
 * @param forwardedFor {@code x-forwarded-for}, as written (may be a list)
 * @param tlsProtocol {@code ssl-protocol}, e.g. TLSv1.3
 * @param tlsCipher {@code ssl-cipher}
 * @param edgeResponseResultType {@code x-edge-response-result-type}
 * @param httpVersion {@code cs-protocol-version}, e.g. HTTP/2.0
 * @param clientPort {@code c-port}; -1 when absent
 * @param timeToFirstByteMillis {@code time-to-first-byte} in milliseconds; -1 when absent
 * @param edgeDetailedResultType {@code x-edge-detailed-result-type}, e.g. OriginDnsError
 * @param contentType {@code sc-content-type}
 * @param contentLength {@code sc-content-len}; -1 when absent
 * @param rangeStart {@code sc-range-start}; -1 when absent
 * @param rangeEnd {@code sc-range-end}; -1 when absent
 * @param country {@code c-country} (ISO 3166-1 alpha-2) where v2 or real-time logs carry it
 * @param weight how many requests this line stands for: 1, or 100/rate for sampled real-time logs
 */
public record RequestRecord(
    long timestampMillis,
    String edgeLocation,
    long bytesSent,
    long bytesReceived,
    String clientIp,
    String method,
    String distributionHost,
    String uri,
    int status,
    String referer,
    String userAgent,
    String query,
    String cookie,
    String edgeResultType,
    String requestId,
    String hostHeader,
    String protocol,
    int timeTakenMillis,
    String forwardedFor,
    String tlsProtocol,
    String tlsCipher,
    String edgeResponseResultType,
    String httpVersion,
    int clientPort,
    int timeToFirstByteMillis,
    String edgeDetailedResultType,
    String contentType,
    long contentLength,
    long rangeStart,
    long rangeEnd,
    String country,
    double weight) {

  public RequestRecord {
    if (bytesSent < 0 || bytesReceived < 0) {
      throw new IllegalArgumentException("byte counts must not be negative");
    }
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive: " + weight);
    }
  }

  /** When the edge finished the response. */
  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMillis);
  }

  /**
   * True when the viewer used TLS ({@code https} or {@code wss}), which AWS bills as HTTPS. A
   * log without {@code cs-protocol} (12-field standard logs, real-time or v2 logs configured
   * without it) is taken as HTTPS, as the emulator's events take it: most CloudFront traffic
   * is, and it is the dearer rate, so the bill errs high; {@link TrafficTally} counts such records
   * and the reports say so.
   */
  public boolean isHttps() {
    return protocol == null || "https".equalsIgnoreCase(protocol) || "wss".equalsIgnoreCase(protocol);
  }

  /** The host rules look at: the viewer's Host header, else the distribution domain. */
  public String viewerHost() {
    return hostHeader != null ? hostHeader : distributionHost;
  }
}
