package dev.cfsim.viewer;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code headers} of an event, answering {@link #get} without building the map. Replay
 * builds one per log record, while rules and reports read a handful of names from it: the
 * CloudFront headers come from the shared, pre-indexed geo and device answers, the rest from the
 * few headers a log records. The full map, the very one the enricher would build, is made only
 * when something takes it whole: a rule that sets or removes headers, the sample of a changed
 * request, the event JSON.
 */
final class EventHeaders extends OnDemandFieldMap {
  /** What every name CloudFront adds starts with. */
  private static final String CLOUDFRONT_PREFIX = "cloudfront-";
  private static final String COOKIE = "cookie";

  private final ViewerEnricher enricher;
  private final RecordedRequest request;
  private final AddedHeaders geo;
  private final AddedHeaders device;

  EventHeaders(ViewerEnricher enricher, RecordedRequest request, AddedHeaders geo, AddedHeaders device) {
    this.enricher = enricher;
    this.request = request;
    this.geo = geo;
    this.device = device;
  }

  @Override
  public FieldValue get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    if (name.startsWith(CLOUDFRONT_PREFIX)) {
      // Most reads are of CloudFront's geo and device headers: one hashed probe each.
      FieldValue v = geo.get(name);
      if (v == null) {
        v = device.get(name);
      }
      if (v != null) {
        return v;
      }
      if (CloudFrontHeader.ownedByCloudFront(name)) {
        // The viewer's own value was dropped, and neither answer has it: a connection header
        // of this request, or absent (no geo data for the IP, left out by the selection).
        return enricher.connectionHeaderNamed(request, name);
      }
    }
    // The viewer's Cookie header is request.cookies; lowersTo matches no name holding A–Z, as
    // no name in the map does.
    return name.equals(COOKIE) ? null : sent(name);
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** The viewer's own header, repeats folded into one value as CloudFront does. */
  private FieldValue sent(String name) {
    List<RecordedRequest.Header> headers = request.headers();
    String first = null;
    List<String> all = null;
    for (int i = 0; i < headers.size(); i++) {
      RecordedRequest.Header h = headers.get(i);
      if (!Ascii.lowersTo(h.name(), name)) {
        continue;
      }
      if (first == null) {
        first = h.value();
      } else {
        if (all == null) {
          all = new ArrayList<>();
          all.add(first);
        }
        all.add(h.value());
      }
    }
    return first == null ? null : all == null ? FieldValue.of(first) : FieldValue.ofAll(all);
  }

  @Override
  FieldMap build() {
    return enricher.headers(request, geo, device);
  }
}
