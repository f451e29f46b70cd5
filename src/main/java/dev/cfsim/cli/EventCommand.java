package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.viewer.RecordedRequest;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cfsim event}: the viewer-request event cfsim builds for one viewer, the quick way to
 * see which headers CloudFront would add.
 */
@Command(
    name = "event",
    mixinStandardHelpOptions = true,
    description = "Prints the CloudFront Functions viewer-request event (JSON, the shape a function"
        + " receives and TestFunction takes) for one request, with the headers CloudFront adds:"
        + " geo from the viewer's IP, device flags from the User-Agent, connection headers.",
    footer = {
      "",
      "Examples:",
      "  cfsim event --ip 211.234.1.1 --user-agent 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4"
          + " like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'",
      "  cfsim event --ip 2001:220::1 --uri /shop --host www.example.com"
          + " --geoip GeoLite2-City.mmdb --asn GeoLite2-ASN.mmdb"
    })
final class EventCommand implements Callable<Integer> {
  /** RFC 9110 section 9.1: a method is a token, one or more tchar. */
  private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  @Option(names = "--ip", required = true, paramLabel = "IP",
      description = "the viewer's IP address, IPv4 or IPv6")
  String ip;

  @Option(names = "--user-agent", paramLabel = "UA", description = "the User-Agent header")
  String userAgent;

  @Option(names = "--uri", paramLabel = "PATH", defaultValue = "/",
      description = "the path, starting with /; a ?query in it becomes the query string"
          + " (default: ${DEFAULT-VALUE})")
  String uri;

  @Option(names = "--query", paramLabel = "QUERY", defaultValue = "",
      description = "the raw query string without ?, e.g. 'a=1&b=2'")
  String query;

  /**
   * CloudFront always passes the viewer's Host header to a function, so an event without one
   * would be one no function ever sees; AWS's own example distribution domain stands in
   * (function-facts.md, event context: distributionDomainName).
   */
  static final String DEFAULT_HOST = "d111111abcdef8.cloudfront.net";

  @Option(names = "--host", paramLabel = "HOST",
      description = "the Host header; without it or a --header Host, the event carries"
          + " " + DEFAULT_HOST + " (AWS's example domain)")
  String host;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET",
      description = "the HTTP method (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--cookie", paramLabel = "COOKIES", description = "a Cookie header, e.g. 'a=1; b=2'")
  List<String> cookies = new ArrayList<>();

  @Option(names = "--header", paramLabel = "NAME:VALUE", description = "any other request header")
  List<String> headers = new ArrayList<>();

  @Option(names = "--port", paramLabel = "PORT",
      description = "the viewer's source port, 1-65535, for CloudFront-Viewer-Address"
          + " (default: " + ViewerEnricher.UNKNOWN_PORT_STAND_IN + ", as for logs without c-port)")
  Integer port;

  @Option(names = "--http", description = "plain HTTP instead of HTTPS (TLSv1.3, HTTP/2.0)")
  boolean http;

  @Option(names = "--compact", description = "one line of JSON instead of indented")
  boolean compact;

  @Mixin ViewerOptions viewer;

  @Spec CommandSpec spec;

  /**
   * Refuses what no viewer can send: control characters anywhere, and white space in a URI or
   * query string, which a viewer sends percent-encoded ({@code %20}).
   */
  private static void requireSendable(String option, String value, boolean spacesAllowed) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && !(spacesAllowed && c == '\t') || c == 0x7f || !spacesAllowed && c == ' ') {
        throw new InvalidInputException(option, "", String.format(Locale.ROOT,
            "U+%04X at position %d cannot be sent in a request%s", (int) c, i + 1,
            spacesAllowed ? "" : "; percent-encode it (%20 for a space)"));
      }
    }
  }

  private static boolean isHostHeader(String header) {
    int colon = header.indexOf(':');
    return colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("host");
  }

  @Override
  public Integer call() {
    if (!uri.startsWith("/")) {
      throw new InvalidInputException("--uri", "", "must start with /: " + uri);
    }
    int q = uri.indexOf('?');
    if (q >= 0 && !query.isEmpty()) {
      throw new InvalidInputException("--uri", "", "has a ?query and --query is given too: " + uri);
    }
    if (!HTTP_TOKEN.matcher(method).matches()) {
      throw new InvalidInputException("--method", "", "not an HTTP method token: '" + method + "'");
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new InvalidInputException("--port", "", "must be 1-65535, got: " + port);
    }
    requireSendable("--uri", uri, false);
    requireSendable("--query", query, false);
    // CloudFront's limit on URI plus query string (function-facts: "under 8,192 characters")
    if (uri.length() + query.length() >= 8_192) {
      throw new InvalidInputException("--uri", "", "URI and query string must be under 8,192 characters together");
    }
    requireSendable("--host", host, true);
    requireSendable("--user-agent", userAgent, true);
    cookies.forEach(c -> requireSendable("--cookie", c, true));
    RecordedRequest.Builder request = RecordedRequest.from(ip)
        .method(method)
        .uri(q < 0 ? uri : uri.substring(0, q))
        .querystring(q < 0 ? query : uri.substring(q + 1))
        .port(port == null ? 0 : port);
    boolean hostGiven = host != null;
    if (host != null) {
      request.host(host);
    } else if (headers.stream().noneMatch(EventCommand::isHostHeader)) {
      request.host(DEFAULT_HOST);
    }
    if (userAgent != null) {
      request.userAgent(userAgent);
    }
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException("--header", "", "expected NAME:VALUE, got: " + header);
      }
      String name = header.substring(0, colon).trim();
      if (!HTTP_TOKEN.matcher(name).matches()) {
        throw new InvalidInputException("--header", "", "not an HTTP header name: '" + name + "'");
      }
      if (name.equalsIgnoreCase("host")) {
        if (hostGiven) {
          throw new InvalidInputException("--header", "", "a second Host header (CloudFront answers 400 to that)");
        }
        hostGiven = true;
      }
      String value = header.substring(colon + 1).trim();
      requireSendable("--header " + name, value, true);
      request.header(name, value);
    }
    cookies.forEach(request::cookie);
    if (http) {
      request.http().httpVersion("HTTP/1.1");
    }
    var enricher = viewer.enricherBuilder().build();
    ViewerRequestEvent event = enricher.enrich(request.build());
    if (enricher.stats().unparsableIps() > 0) {
      throw new InvalidInputException("--ip", "", "not an IPv4 or IPv6 address: " + ip);
    }
    spec.commandLine().getOut().println(compact ? ViewerEventJson.write(event) : ViewerEventJson.writePretty(event));
    if (enricher.stats().unknownIps() > 0) {
      spec.commandLine().getErr().println("cfsim: " + ip + " is not in " + enricher.geoDescription()
          + ": no geo headers, as on CloudFront");
    }
    return Main.EXIT_OK;
  }
}
