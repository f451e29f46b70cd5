package dev.cfsim.emulator;

import dev.cfsim.rules.Decision;
import dev.cfsim.rules.QueryStrings;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;

/** What a redirect does to the viewer who gets it: the follow-up it causes, and how that can go wrong. */
public final class Redirects {
  private Redirects() {}

  /** A redirect: the viewer follows it with a request to its target. */
  public static boolean isRedirect(Decision decision) {
    return decision instanceof Decision.Response response && isRedirect(response);
  }

  /** A 3xx with a location: the viewer follows it with a request to the target. */
  static boolean isRedirect(Decision.Response response) {
    return response.statusCode() >= 300 && response.statusCode() < 400 && response.location() != null;
  }

  /**
   * Whether a browser following this redirect would not send the request again as it was (the
   * Fetch standard, "HTTP-redirect fetch" and "CORS-preflight fetch",
   * https://fetch.spec.whatwg.org/): a POST answered 301 or 302, or any method but GET and HEAD
   * answered 303, is resent as a GET without its body; an OPTIONS request, as a CORS preflight,
   * fails on any redirect. 307 and 308 keep the method and body.
   */
  static boolean changesMethod(String method, int status) {
    return switch (method) {
      case "GET", "HEAD" -> false;
      case "OPTIONS" -> true;
      case "POST" -> status == 301 || status == 302 || status == 303;
      default -> status == 303;
    };
  }

  /**
   * Whether {@code location} is the URL the viewer just requested: the same scheme (a path, or
   * {@code //host/path}, keeps the request's), host, path and query string. The follow-up is then
   * the same request, which the rules answer with the same redirect, until the browser gives up
   * (about 20 redirects). An HTTP request sent to the same URL over HTTPS is an upgrade, not a loop.
   */
  static boolean isOwnUrl(ViewerRequest request, boolean https, String location) {
    FieldValue hostHeader = request.headers().get("host");
    if (location == null || hostHeader == null) {
      return false;
    }
    int end = location.length();
    int hash = location.indexOf('#');
    if (hash >= 0) {
      end = hash;
    }
    String scheme = https ? "https://" : "http://";
    int hostStart;
    if (location.regionMatches(true, 0, scheme, 0, scheme.length())) {
      hostStart = scheme.length();
    } else if (location.startsWith("//")) {
      hostStart = 2;
    } else if (location.startsWith("/")) {
      hostStart = -1;
    } else {
      return false; // another scheme, or a path relative to the current one
    }
    int pathStart = 0;
    if (hostStart >= 0) {
      pathStart = hostStart;
      while (pathStart < end && "/?".indexOf(location.charAt(pathStart)) < 0) {
        pathStart++;
      }
      String host = hostHeader.value();
      // compared in place: most redirects go to another host, and this runs on each of them
      if (pathStart - hostStart != host.length() || !location.regionMatches(true, hostStart, host, 0, host.length())) {
        return false;
      }
    }
    int question = location.indexOf('?', pathStart);
    int pathEnd = question >= 0 && question < end ? question : end;
    String path = pathStart == pathEnd ? "/" : location.substring(pathStart, pathEnd);
    String query = pathEnd < end ? location.substring(pathEnd + 1, end) : "";
    return path.equals(request.uri()) && query.equals(QueryStrings.serialise(request.querystring()));
  }
}
