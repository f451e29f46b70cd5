package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.viewer.RecordedRequest;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    description = {
      "Prints the CloudFront Functions viewer-request event (JSON, the shape a function",
      "receives and TestFunction takes) for one request, with the headers CloudFront adds:",
      "geo from the viewer's IP, device flags from the User-Agent, connection headers."
    },
    footer = {
      "",
      "Examples:",
      "  cfsim event --ip 211.234.1.1 --user-agent 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4"
          + " like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'",
      "  cfsim event --ip 2001:220::1 --uri /shop --host www.example.com"
          + " --geoip GeoLite2-City.mmdb --asn GeoLite2-ASN.mmdb"
    })
final class EventCommand implements Callable<Integer> {

  @Option(names = "--ip", required = true, paramLabel = "IP",
      description = "the viewer's IP address, IPv4 or IPv6")
  String ip;

  @Option(names = "--user-agent", paramLabel = "UA", description = "the User-Agent header")
  String userAgent;

  @Option(names = "--uri", paramLabel = "PATH", defaultValue = "/",
      description = "the path, starting with / (default: ${DEFAULT-VALUE})")
  String uri;

  @Option(names = "--query", paramLabel = "QUERY", defaultValue = "",
      description = "the raw query string without ?, e.g. 'a=1&b=2'")
  String query;

  @Option(names = "--host", paramLabel = "HOST", description = "the Host header")
  String host;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET",
      description = "the HTTP method (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--cookie", paramLabel = "COOKIES", description = "a Cookie header, e.g. 'a=1; b=2'")
  List<String> cookies = new ArrayList<>();

  @Option(names = "--header", paramLabel = "NAME:VALUE", description = "any other request header")
  List<String> headers = new ArrayList<>();

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "the viewer's source port, for CloudFront-Viewer-Address (default: none)")
  int port;

  @Option(names = "--http", description = "plain HTTP instead of HTTPS (TLSv1.3, HTTP/2.0)")
  boolean http;

  @Option(names = "--compact", description = "one line of JSON instead of indented")
  boolean compact;

  @Mixin ViewerOptions viewer;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!uri.startsWith("/")) {
      throw new InvalidInputException("--uri", "", "must start with /: " + uri);
    }
    RecordedRequest.Builder request = RecordedRequest.from(ip)
        .method(method).uri(uri).querystring(query).port(port);
    if (host != null) {
      request.host(host);
    }
    if (userAgent != null) {
      request.userAgent(userAgent);
    }
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException("--header", "", "expected NAME:VALUE, got: " + header);
      }
      request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
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
