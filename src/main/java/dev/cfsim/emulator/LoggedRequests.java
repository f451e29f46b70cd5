package dev.cfsim.emulator;

import dev.cfsim.logs.RequestRecord;
import dev.cfsim.viewer.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What a log line tells about the request the viewer sent. Logs keep only some headers: Host,
 * User-Agent, Referer and Cookie are replayed; any other header the viewer sent is unknown, so
 * a rule that tests it sees it absent.
 */
final class LoggedRequests {
  private LoggedRequests() {}

  static RecordedRequest recorded(RequestRecord r) {
    List<RecordedRequest.Header> headers = new ArrayList<>(4);
    add(headers, "Host", r.viewerHost());
    add(headers, "User-Agent", r.userAgent());
    add(headers, "Referer", r.referer());
    add(headers, "Cookie", r.cookie());
    String protocol = r.protocol() == null ? "https" : r.protocol();
    boolean secure = protocol.equals("https") || protocol.equals("wss");
    RecordedRequest.Tls tls = secure && r.tlsProtocol() != null && r.tlsCipher() != null
        ? RecordedRequest.Tls.of(r.tlsProtocol(), r.tlsCipher())
        : RecordedRequest.Tls.NONE;
    return new RecordedRequest(r.clientIp() == null ? "" : r.clientIp(), Math.max(r.clientPort(), 0),
        r.method(), r.uri(), r.query(), headers, protocol, r.httpVersion(), tls, r.requestId());
  }

  private static void add(List<RecordedRequest.Header> headers, String name, String value) {
    if (value != null) {
      headers.add(new RecordedRequest.Header(name, value));
    }
  }
}
