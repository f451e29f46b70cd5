package dev.cfsim.viewer;

import static dev.cfsim.viewer.CloudFrontHeader.FORWARDED_PROTO;
import static dev.cfsim.viewer.CloudFrontHeader.IS_ANDROID_VIEWER;
import static dev.cfsim.viewer.CloudFrontHeader.IS_DESKTOP_VIEWER;
import static dev.cfsim.viewer.CloudFrontHeader.IS_IOS_VIEWER;
import static dev.cfsim.viewer.CloudFrontHeader.IS_MOBILE_VIEWER;
import static dev.cfsim.viewer.CloudFrontHeader.IS_SMARTTV_VIEWER;
import static dev.cfsim.viewer.CloudFrontHeader.IS_TABLET_VIEWER;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_ADDRESS;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_ASN;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_CITY;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_COUNTRY;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_COUNTRY_NAME;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_COUNTRY_REGION;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_COUNTRY_REGION_NAME;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_HTTP_VERSION;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_LATITUDE;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_LONGITUDE;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_METRO_CODE;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_POSTAL_CODE;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_TIME_ZONE;
import static dev.cfsim.viewer.CloudFrontHeader.VIEWER_TLS;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Turns a recorded request into the viewer-request event a CloudFront Function receives, with
 * the headers CloudFront adds: geo from the viewer's IP, device flags from the User-Agent, and
 * the connection headers. Built once, then shared by every replay thread; lookups are cached by
 * IP and by User-Agent, since both repeat heavily in real traffic.
 */
public final class ViewerEnricher {
  private static final String USER_AGENT = "user-agent";
  private static final String COOKIE = "cookie";
  private static final FieldValue TRUE = FieldValue.of("true");
  private static final FieldValue FALSE = FieldValue.of("false");
  private static final FieldValue HTTP = FieldValue.of("http");
  private static final FieldValue HTTPS = FieldValue.of("https");
  /** The headers CloudFront adds from the connection rather than from a database. */
  private static final CloudFrontHeader[] CONNECTION_HEADERS =
      {VIEWER_ADDRESS, VIEWER_HTTP_VERSION, VIEWER_TLS, FORWARDED_PROTO};
  private static final ViewerGeo UNPARSABLE = new ViewerGeo(false, false, AddedHeaders.NOTHING);

  /**
   * The source port used when a request does not record one (no {@code c-port} in the log, no
   * {@code --port}): CloudFront always sends CloudFront-Viewer-Address, so a function that reads
   * it must get an {@code ip:port}. 49152 is the first IANA dynamic (ephemeral) port.
   */
  public static final int UNKNOWN_PORT_STAND_IN = 49152;

  private final GeoDatabase geo;
  private final AsnDatabase asn;
  private final DeviceDetector devices;
  private final HeaderSelection selection;
  // the selection, asked once here instead of four times per event
  private final boolean addAddress;
  private final boolean addHttpVersion;
  private final boolean addTls;
  private final boolean addForwardedProto;
  /** How many device flags the selection adds to every event. */
  private final int deviceHeaders;
  private final String distributionDomainName;
  private final String distributionId;
  private final BoundedCache<String, ViewerGeo> geoCache;
  private final Ipv4AnswerCache<ViewerGeo> ipv4Cache;
  /**
   * One {@link ViewerGeo} per distinct answer (a country, or a city and ASN): the IP cache holds
   * hundreds of thousands of IPs but only a few hundred answers, so sharing them keeps the
   * headers a cache hit reads in the CPU cache instead of one cold copy per IP.
   */
  private final BoundedCache<GeoAnswer, ViewerGeo> geoAnswers;
  private final BoundedCache<String, AddedHeaders> deviceCache;
  private final BoundedCache<String, String> lowerCaseNames;
  private final BoundedCache<String, FieldValue> httpVersions;
  private final BoundedCache<RecordedRequest.Tls, FieldValue> tlsValues;
  private final LongAdder events = new LongAdder();
  private final LongAdder unknownIps = new LongAdder();
  private final LongAdder unparsableIps = new LongAdder();

  private ViewerEnricher(Builder b) {
    this.geo = b.geo != null ? b.geo : GeoDatabases.embedded();
    this.asn = b.asn;
    this.devices = new DeviceDetector(b.deviceRules);
    this.selection = b.selection;
    this.addAddress = selection.contains(VIEWER_ADDRESS);
    this.addHttpVersion = selection.contains(VIEWER_HTTP_VERSION);
    this.addTls = selection.contains(VIEWER_TLS);
    this.addForwardedProto = selection.contains(FORWARDED_PROTO);
    this.deviceHeaders = (int) Stream.of(IS_DESKTOP_VIEWER, IS_MOBILE_VIEWER, IS_TABLET_VIEWER,
        IS_SMARTTV_VIEWER, IS_IOS_VIEWER, IS_ANDROID_VIEWER).filter(selection::contains).count();
    this.distributionDomainName = b.distributionDomainName;
    this.distributionId = b.distributionId;
    this.geoCache = new BoundedCache<>(b.ipCacheSize, this::lookUpGeo);
    // twice the slots of the IP cap, so few addresses share a slot
    this.ipv4Cache = new Ipv4AnswerCache<>(2 * b.ipCacheSize);
    this.geoAnswers = new BoundedCache<>(b.ipCacheSize, this::geoHeaders);
    this.deviceCache = new BoundedCache<>(b.userAgentCacheSize, this::lookUpDevice);
    this.lowerCaseNames = new BoundedCache<>(1024, Ascii::lower);
    this.httpVersions = new BoundedCache<>(64, logged -> FieldValue.of(httpVersion(logged)));
    this.tlsValues = new BoundedCache<>(1024,
        tls -> FieldValue.of(tls.version() + ":" + tls.cipher() + ":" + tls.handshake()));
  }

  /** Shares everything with {@code shared} but the counts (see {@link #forRun}). */
  private ViewerEnricher(ViewerEnricher shared) {
    this.geo = shared.geo;
    this.asn = shared.asn;
    this.devices = shared.devices;
    this.selection = shared.selection;
    this.addAddress = shared.addAddress;
    this.addHttpVersion = shared.addHttpVersion;
    this.addTls = shared.addTls;
    this.addForwardedProto = shared.addForwardedProto;
    this.deviceHeaders = shared.deviceHeaders;
    this.distributionDomainName = shared.distributionDomainName;
    this.distributionId = shared.distributionId;
    this.geoCache = shared.geoCache;
    this.ipv4Cache = shared.ipv4Cache;
    this.geoAnswers = shared.geoAnswers;
    this.deviceCache = shared.deviceCache;
    this.lowerCaseNames = shared.lowerCaseNames;
    this.httpVersions = shared.httpVersions;
    this.tlsValues = shared.tlsValues;
  }

  /**
   * An enricher for one run that shares this one's databases and caches (several megabytes of
   * answer tables, warm) but counts its own events, for {@link #stats}: a server building a
   * report per request keeps one enricher and takes one of these per request. Thread-safe.
   */
  public ViewerEnricher forRun() {
    return new ViewerEnricher(this);
  }

  /** Starts an enricher: the embedded country database, default device rules, every header. */
  public static Builder builder() {
    return new Builder();
  }

  /** The event a function would receive for this request. Thread-safe. */
  public ViewerRequestEvent enrich(RecordedRequest request) {
    ViewerGeo viewer = viewerGeo(request.viewerIp());
    String cookieHeader = null;
    String userAgent = null;
    List<RecordedRequest.Header> sent = request.headers();
    for (int i = 0; i < sent.size(); i++) { // indexed: the iterator was allocated per event
      RecordedRequest.Header h = sent.get(i);
      if (Ascii.lowersTo(h.name(), COOKIE)) {
        // several Cookie headers parse as one joined with "; "
        cookieHeader = cookieHeader == null ? h.value() : cookieHeader + "; " + h.value();
      } else if (userAgent == null && Ascii.lowersTo(h.name(), USER_AGENT)) {
        userAgent = h.value();
      }
    }

    events.increment();
    if (!viewer.parsable()) {
      unparsableIps.increment();
    } else if (!viewer.known()) {
      unknownIps.increment();
    }
    AddedHeaders device = deviceCache.get(userAgent == null ? "" : userAgent);
    String query = request.querystring();
    return new ViewerRequestEvent(
        distributionDomainName,
        distributionId,
        request.requestId(),
        request.viewerIp(),
        new ViewerRequest(request.method(), request.uri(),
            query.isEmpty() ? FieldMap.empty() : LazyFieldMap.querystring(query),
            new EventHeaders(this, request, viewer.added(), device),
            cookieHeader == null ? FieldMap.empty() : LazyFieldMap.cookies(cookieHeader)));
  }

  /**
   * The whole header map of an event ({@link EventHeaders} builds it on first iteration): the
   * viewer's headers in arrival order without Cookie and without CloudFront's own names, then
   * the connection, geo and device headers.
   */
  FieldMap headers(RecordedRequest request, AddedHeaders geo, AddedHeaders device) {
    // Sized for all that can be added, so the map has no spare slots.
    FieldMap.Builder headers = FieldMap.builder(
        request.headers().size() + CONNECTION_HEADERS.length + geo.size() + deviceHeaders);
    List<RecordedRequest.Header> sent = request.headers();
    for (int i = 0; i < sent.size(); i++) {
      RecordedRequest.Header h = sent.get(i);
      String name = lowerCase(h.name());
      if (name.equals(COOKIE) || CloudFrontHeader.ownedByCloudFront(name)) {
        continue; // CloudFront drops the viewer's value; ours (if any) is added below
      }
      headers.append(name, h.value());
    }
    // The viewer's CloudFront-owned headers were dropped above, so ours are plain appends.
    addConnectionHeaders(request, headers);
    geo.putInto(headers);
    device.putInto(headers);
    return headers.build();
  }

  /** The CloudFront headers this enricher adds (when their values are known). */
  public HeaderSelection headers() {
    return selection;
  }

  /** Counts so far, across all threads. */
  public EnrichmentStats stats() {
    return new EnrichmentStats(events.sum(), unknownIps.sum(), unparsableIps.sum());
  }

  /** The geo database in use, for reports. */
  public String geoDescription() {
    return geo.description();
  }

  private void addConnectionHeaders(RecordedRequest r, FieldMap.Builder headers) {
    for (CloudFrontHeader header : CONNECTION_HEADERS) {
      FieldValue v = connectionHeader(r, header);
      if (v != null) {
        headers.add(header.headerName(), v);
      }
    }
  }

  /**
   * The value of a CloudFront header this request's connection gives, or null when the
   * selection leaves it out, the request has none (no TLS over HTTP), or {@code name} is not a
   * connection header. {@link EventHeaders} asks this for one name without building the map.
   */
  FieldValue connectionHeaderNamed(RecordedRequest r, String name) {
    for (CloudFrontHeader header : CONNECTION_HEADERS) {
      if (header.headerName().equals(name)) {
        return connectionHeader(r, header);
      }
    }
    return null;
  }

  private FieldValue connectionHeader(RecordedRequest r, CloudFrontHeader header) {
    return switch (header) {
      case VIEWER_ADDRESS -> addAddress
          ? FieldValue.of(r.viewerIp() + ":" + (r.viewerPort() > 0 ? r.viewerPort() : UNKNOWN_PORT_STAND_IN))
          : null;
      case VIEWER_HTTP_VERSION ->
          addHttpVersion && !r.httpVersion().isEmpty() ? httpVersions.get(r.httpVersion()) : null;
      case VIEWER_TLS -> addTls && r.secure() && r.tls().present() ? tlsValues.get(r.tls()) : null;
      case FORWARDED_PROTO -> addForwardedProto ? (r.secure() ? HTTPS : HTTP) : null;
      default -> null;
    };
  }

  /** {@code HTTP/2.0} in the logs is {@code 2.0} in the header. */
  private static String httpVersion(String logged) {
    return logged.regionMatches(true, 0, "HTTP/", 0, 5) ? logged.substring(5) : logged;
  }

  /** IPv4 dotted quads go through the compact table; anything else through the string cache. */
  private ViewerGeo viewerGeo(String ip) {
    long v4 = Ipv4AnswerCache.address(ip);
    if (v4 < 0) {
      return geoCache.get(ip);
    }
    ViewerGeo viewer = ipv4Cache.get((int) v4);
    if (viewer == null) {
      viewer = lookUpIpv4Geo((int) v4);
    }
    return viewer;
  }

  /**
   * Looks the address up and caches the answer for the network it holds for. With an ASN
   * database too, both answers hold on the narrower of the two networks (the longer prefix:
   * both contain the address, so one contains the other).
   */
  private ViewerGeo lookUpIpv4Geo(int v4) {
    InetAddress address = Ipv4AnswerCache.inetAddress(v4);
    GeoDatabase.Located located = geo.locateInNetwork(address);
    int bits = located.ipv4NetworkBits();
    OptionalLong asNumber = OptionalLong.empty();
    if (asn != null) {
      AsnDatabase.Numbered numbered = asn.numberInNetwork(address);
      asNumber = numbered.asn();
      bits = bits < 0 || numbered.ipv4NetworkBits() < 0
          ? GeoDatabase.Located.UNKNOWN_NETWORK
          : Math.max(bits, numbered.ipv4NetworkBits());
    }
    ViewerGeo viewer = geoAnswers.get(new GeoAnswer(located.location().orElse(null), asNumber));
    ipv4Cache.put(v4, bits, viewer);
    return viewer;
  }

  private ViewerGeo lookUpGeo(String ip) {
    Optional<InetAddress> address = IpAddresses.parse(ip);
    return address.isEmpty() ? UNPARSABLE : lookUpGeo(address.get());
  }

  private ViewerGeo lookUpGeo(InetAddress address) {
    Optional<GeoLocation> location = geo.locate(address);
    OptionalLong asNumber = asn == null ? OptionalLong.empty() : asn.asn(address);
    return geoAnswers.get(new GeoAnswer(location.orElse(null), asNumber));
  }

  private ViewerGeo geoHeaders(GeoAnswer answer) {
    AddedHeaders.Builder added = new AddedHeaders.Builder(selection);
    if (answer.location() != null) {
      addGeo(answer.location(), added);
    }
    answer.asn().ifPresent(n -> added.add(VIEWER_ASN, Long.toString(n)));
    return new ViewerGeo(true, answer.location() != null, added.build());
  }

  private static void addGeo(GeoLocation g, AddedHeaders.Builder added) {
    added.add(VIEWER_COUNTRY, g.countryCode());
    added.add(VIEWER_COUNTRY_NAME, HeaderValues.percentEncodeNonAscii(g.countryName()));
    added.add(VIEWER_COUNTRY_REGION, g.regionCode());
    added.add(VIEWER_COUNTRY_REGION_NAME, HeaderValues.percentEncodeNonAscii(g.regionName()));
    added.add(VIEWER_CITY, HeaderValues.percentEncodeNonAscii(g.city()));
    added.add(VIEWER_POSTAL_CODE, g.postalCode());
    added.add(VIEWER_TIME_ZONE, g.timeZone());
    if (g.latitude() != null && g.longitude() != null) {
      added.add(VIEWER_LATITUDE, HeaderValues.degrees(g.latitude()));
      added.add(VIEWER_LONGITUDE, HeaderValues.degrees(g.longitude()));
    }
    if (g.metroCode() != null) {
      added.add(VIEWER_METRO_CODE, Integer.toString(g.metroCode()));
    }
  }

  private AddedHeaders lookUpDevice(String userAgent) {
    DeviceFlags f = devices.detect(userAgent);
    AddedHeaders.Builder added = new AddedHeaders.Builder(selection);
    added.add(IS_DESKTOP_VIEWER, f.desktop() ? TRUE : FALSE);
    added.add(IS_MOBILE_VIEWER, f.mobile() ? TRUE : FALSE);
    added.add(IS_TABLET_VIEWER, f.tablet() ? TRUE : FALSE);
    added.add(IS_SMARTTV_VIEWER, f.smartTv() ? TRUE : FALSE);
    added.add(IS_IOS_VIEWER, f.ios() ? TRUE : FALSE);
    added.add(IS_ANDROID_VIEWER, f.android() ? TRUE : FALSE);
    return added.build();
  }

  /** Header names repeat on every request, so their lower-case forms are kept, not rebuilt. */
  private String lowerCase(String name) {
    return Ascii.hasUpperCase(name) ? lowerCaseNames.get(name) : name;
  }

  /** What the geo database says about one viewer IP, with the headers ready to add. */
  private record ViewerGeo(boolean parsable, boolean known, AddedHeaders added) {}

  /** The databases' answer for one IP; location null when unknown. Many IPs share one. */
  private record GeoAnswer(GeoLocation location, OptionalLong asn) {
    // Written out: the generated equals and hashCode run through method handles, which
    // async-profiler showed at 7 % of a whole replay (the answer cache is asked per lookup).
    @Override
    public boolean equals(Object o) {
      return o instanceof GeoAnswer a && Objects.equals(location, a.location) && asn.equals(a.asn);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(location) + asn.hashCode();
    }
  }

  /** Configures a {@link ViewerEnricher}. */
  public static final class Builder {
    private GeoDatabase geo;
    private AsnDatabase asn;
    private DeviceRules deviceRules = DeviceRules.DEFAULT;
    private HeaderSelection selection = HeaderSelection.all();
    private String distributionDomainName = "";
    private String distributionId = "";
    private int ipCacheSize = 200_000;
    private int userAgentCacheSize = 50_000;

    private Builder() {}

    /** The geo database; without one, the embedded country database. */
    public Builder geo(GeoDatabase geo) {
      this.geo = Objects.requireNonNull(geo, "geo");
      return this;
    }

    /** An ASN database for CloudFront-Viewer-ASN; without one, that header is left out. */
    public Builder asn(AsnDatabase asn) {
      this.asn = asn;
      return this;
    }

    public Builder deviceRules(DeviceRules rules) {
      this.deviceRules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** Which CloudFront headers the distribution's policies add; default all of them. */
    public Builder headers(HeaderSelection selection) {
      this.selection = Objects.requireNonNull(selection, "selection");
      return this;
    }

    /** The distribution named in the event's context; both may be empty. */
    public Builder distribution(String domainName, String id) {
      this.distributionDomainName = Objects.requireNonNullElse(domainName, "");
      this.distributionId = Objects.requireNonNullElse(id, "");
      return this;
    }

    /** Cache sizes: distinct viewer IPs and distinct User-Agents kept. */
    public Builder cacheSizes(int ips, int userAgents) {
      this.ipCacheSize = ips;
      this.userAgentCacheSize = userAgents;
      return this;
    }

    public ViewerEnricher build() {
      return new ViewerEnricher(this);
    }
  }
}
