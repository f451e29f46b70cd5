package dev.cfsim.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request as a viewer sent it to an edge location, before CloudFront adds anything: what a
 * log line (or a user on the command line) tells us. The enricher turns it into the event a
 * function receives.
 *
 * @param viewerIp the viewer's IP address as text, IPv4 or IPv6 ({@code c-ip} in the logs)
 * @param viewerPort the viewer's source port ({@code c-port}); 0 when unknown
 * @param method the HTTP method, e.g. {@code GET}
 * @param uri the path, starting with {@code /}, percent-encoding as received
 * @param querystring the raw query string without the {@code ?}; {@code ""} when there is none
 * @param headers the headers in arrival order, names as sent (Cookie, User-Agent and Host included)
 * @param protocol {@code http}, {@code https}, {@code ws} or {@code wss} ({@code cs-protocol})
 * @param httpVersion e.g. {@code HTTP/2.0} ({@code cs-protocol-version}); {@code ""} when unknown
 * @param tls the TLS session for HTTPS; {@link Tls#NONE} for plain HTTP
 * @param requestId the request's id ({@code x-edge-request-id}); {@code ""} when unknown
 */
public record RecordedRequest(
    String viewerIp,
    int viewerPort,
    String method,
    String uri,
    String querystring,
    List<Header> headers,
    String protocol,
    String httpVersion,
    Tls tls,
    String requestId) {

  public RecordedRequest {
    Objects.requireNonNull(viewerIp, "viewerIp");
    if (viewerPort < 0 || viewerPort > 65535) {
      throw new IllegalArgumentException("viewerPort out of range: " + viewerPort);
    }
    method = Objects.requireNonNullElse(method, "GET");
    uri = uri == null || uri.isEmpty() ? "/" : uri;
    querystring = Objects.requireNonNullElse(querystring, "");
    headers = headers == null ? List.of() : List.copyOf(headers);
    protocol = Objects.requireNonNullElse(protocol, "https");
    httpVersion = Objects.requireNonNullElse(httpVersion, "");
    tls = Objects.requireNonNullElse(tls, Tls.NONE);
    requestId = Objects.requireNonNullElse(requestId, "");
  }

  /** Starts a request from the given viewer: {@code GET /} over HTTPS unless told otherwise. */
  public static Builder from(String viewerIp) {
    return new Builder(viewerIp);
  }

  /** True when the viewer connected over TLS ({@code https} or {@code wss}). */
  public boolean secure() {
    return protocol.equals("https") || protocol.equals("wss");
  }

  /**
   * One request header as sent.
   *
   * @param name the name in the viewer's spelling
   * @param value the value, unchanged
   */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The viewer's TLS session, as CloudFront-Viewer-TLS reports it.
   *
   * @param version e.g. {@code TLSv1.3} ({@code ssl-protocol})
   * @param cipher e.g. {@code TLS_AES_128_GCM_SHA256} ({@code ssl-cipher})
   * @param handshake {@code fullHandshake}, {@code sessionResumed} or {@code connectionReused};
   *     logs do not record it, so it defaults to {@code fullHandshake}
   */
  public record Tls(String version, String cipher, String handshake) {
    /** No TLS: a plain HTTP request. */
    public static final Tls NONE = new Tls("", "", "");

    public Tls {
      version = Objects.requireNonNullElse(version, "");
      cipher = Objects.requireNonNullElse(cipher, "");
      handshake = handshake == null || handshake.isEmpty() ? "fullHandshake" : handshake;
    }

    /** A session of this version and cipher, with a full handshake. */
    public static Tls of(String version, String cipher) {
      return new Tls(version, cipher, "");
    }

    /** True when the log gave a TLS version. */
    public boolean present() {
      return !version.isEmpty();
    }
  }

  /** Builds a {@link RecordedRequest} step by step; handy in tests and the CLI. */
  public static final class Builder {
    private final String viewerIp;
    private int viewerPort;
    private String method = "GET";
    private String uri = "/";
    private String querystring = "";
    private final List<Header> headers = new ArrayList<>();
    private String protocol = "https";
    private String httpVersion = "HTTP/2.0";
    private Tls tls = Tls.of("TLSv1.3", "TLS_AES_128_GCM_SHA256");
    private String requestId = "";

    private Builder(String viewerIp) {
      this.viewerIp = viewerIp;
    }

    public Builder port(int port) {
      this.viewerPort = port;
      return this;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder uri(String uri) {
      this.uri = uri;
      return this;
    }

    public Builder querystring(String querystring) {
      this.querystring = querystring;
      return this;
    }

    public Builder header(String name, String value) {
      headers.add(new Header(name, value));
      return this;
    }

    public Builder userAgent(String userAgent) {
      return header("User-Agent", userAgent);
    }

    public Builder host(String host) {
      return header("Host", host);
    }

    public Builder cookie(String cookie) {
      return header("Cookie", cookie);
    }

    /** Plain HTTP: no TLS session. */
    public Builder http() {
      this.protocol = "http";
      this.tls = Tls.NONE;
      return this;
    }

    public Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder httpVersion(String httpVersion) {
      this.httpVersion = httpVersion;
      return this;
    }

    public Builder tls(Tls tls) {
      this.tls = tls;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public RecordedRequest build() {
      return new RecordedRequest(
          viewerIp, viewerPort, method, uri, querystring, headers, protocol, httpVersion, tls,
          requestId);
    }
  }
}
