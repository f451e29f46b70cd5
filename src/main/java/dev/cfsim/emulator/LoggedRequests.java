package dev.cfsim.emulator;

import dev.cfsim.logs.RequestRecord;
import dev.cfsim.viewer.RecordedRequest;
import java.util.List;

/**
 * What a log line tells about the request the viewer sent. Logs keep only some headers: Host,
 * User-Agent, Referer and Cookie are replayed; any other header the viewer sent is unknown, so
 * a rule that tests it sees it absent.
 */
final class LoggedRequests {
  private LoggedRequests() {}

  static RecordedRequest recorded(RequestRecord r) {
    // Names in lower case, as the event spells them: the enricher then keeps them as they are
    // instead of looking up each one's lower-case form on every record.
    String host = r.viewerHost();
    RecordedRequest.Header[] headers = new RecordedRequest.Header[count(host, r.userAgent(), r.referer(), r.cookie())];
    int n = 0;
    n = add(headers, n, "host", host);
    n = add(headers, n, "user-agent", r.userAgent());
    n = add(headers, n, "referer", r.referer());
    add(headers, n, "cookie", r.cookie());
    // the enricher reports TLS only for secure requests; RecordedRequest reads a null protocol as https
    RecordedRequest.Tls tls = r.tlsProtocol() != null && r.tlsCipher() != null
        ? RecordedRequest.Tls.of(r.tlsProtocol(), r.tlsCipher())
        : RecordedRequest.Tls.NONE;
    return new RecordedRequest(r.clientIp() == null ? "" : r.clientIp(), Math.max(r.clientPort(), 0),
        r.method(), r.uri(), r.query(), List.of(headers), r.protocol(), r.httpVersion(), tls, r.requestId());
  }

  private static int count(String... values) {
    int n = 0;
    for (String v : values) {
      n += v == null ? 0 : 1;
    }
    return n;
  }

  private static int add(RecordedRequest.Header[] headers, int n, String name, String value) {
    if (value == null) {
      return n;
    }
    headers[n] = new RecordedRequest.Header(name, value);
    return n + 1;
  }
}
