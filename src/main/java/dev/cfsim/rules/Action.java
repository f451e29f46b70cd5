package dev.cfsim.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a matching rule does: answer with a redirect, change the request, or let it pass. */
public sealed interface Action {

  /** Let the request go on to the cache and origin unchanged. */
  record Pass() implements Action {}

  /**
   * Answer from the edge with a redirect: {@code statusCode}, {@code statusDescription} and a
   * {@code location} header, the response object the function returns.
   *
   * <p>Location: the template expanded ({@link Template}); a relative one with its leading run of
   * slashes, backslashes, tabs and line breaks made one slash ({@link RelativeLocation}), so that
   * it never names another host; then, when {@code keepQuery} is true
   * and the serialised query string ({@link QueryStrings#serialise}) is not empty, {@code ?} and
   * the query string are appended, or {@code &} and the query string if the expanded location
   * already contains a {@code ?}.
   *
   * @param status 301, 302, 307 or 308
   * @param location the location template
   * @param keepQuery append the viewer's query string to the location
   */
  record Redirect(int status, Template location, boolean keepQuery) implements Action {
    /** The statuses a redirect may use, with the reason phrases of RFC 9110 §15.4. */
    public static final Map<Integer, String> STATUS_DESCRIPTIONS = Map.of(
        301, "Moved Permanently", 302, "Found", 307, "Temporary Redirect", 308, "Permanent Redirect");

    public Redirect {
      Objects.requireNonNull(location, "location");
      if (!STATUS_DESCRIPTIONS.containsKey(status)) {
        throw new IllegalArgumentException("status " + status + " is not a redirect: use 301, 302, 307 or 308");
      }
      String prefix = location.literalPrefix();
      boolean relative = prefix.startsWith("/") && !prefix.startsWith("//") && !prefix.startsWith("/\\");
      boolean fromUri = location.startsWith(Template.Variable.URI);
      if (!isAbsolute(location) && !relative && !fromUri) {
        throw new IllegalArgumentException(
            "location must start with https://, http:// or a single '/' ('//' and '/\\' name another site)");
      }
      if (location.source().matches("https?://")) {
        throw new IllegalArgumentException("location has no host after the scheme");
      }
      if (isAbsolute(location)) {
        requireFixedHost(location);
      }
      if (keepQuery && location.uses(Template.Variable.QUERYSTRING)) {
        throw new IllegalArgumentException(
            "keep_query and ${querystring} would add the query string twice; use one");
      }
    }

    /**
     * The location's fragment ({@code #top}) when the viewer's query string is put after it
     * (keep_query, or {@code ${querystring}} past the '#'): the browser never sends it on, so only
     * a page that routes in its fragment ({@code #/login?…}) reads it. Empty otherwise.
     */
    public Optional<String> fragmentBeforeQuery() {
      int fragment = location.source().indexOf('#');
      if (fragment >= 0 && (keepQuery || location.source().indexOf("${querystring}", fragment) >= 0)) {
        return Optional.of(location.source().substring(fragment));
      }
      return Optional.empty();
    }

    /**
     * True when the location names its own scheme and host; otherwise it is relative (it starts
     * with {@code /} or {@code ${uri}}) and is kept on this site ({@link RelativeLocation}).
     */
    public boolean absolute() {
      return isAbsolute(location);
    }

    /**
     * Refuses an absolute location whose host the request could choose: {@code https://${uri}}
     * on {@code /evil.example} is {@code https:///evil.example}, which browsers open as
     * evil.example, and {@code ${querystring}} or text after {@code ${host}} ({@code @evil}) can do
     * the same. The host must be literal, or {@code ${host}} alone, which CloudFront only lets
     * through for the distribution's own names; an optional {@code :port} may follow either.
     * {@code ${uri}} may come straight after the host: CloudFront's URI always starts with "/".
     */
    private static void requireFixedHost(Template location) {
      List<Template.Part> parts = location.parts();
      String first = ((Template.Literal) parts.get(0)).text();
      String afterScheme = first.substring(first.indexOf("://") + 3);
      int end = firstOf(afterScheme, "/?#");
      String host = end >= 0 ? afterScheme.substring(0, end) : afterScheme;
      boolean literalHost = !host.isEmpty() && (end >= 0 || parts.size() == 1
          || parts.get(1).equals(new Template.Placeholder(Template.Variable.URI)));
      boolean viewerHost = host.isEmpty() && parts.size() > 1
          && parts.get(1).equals(new Template.Placeholder(Template.Variable.HOST))
          && (parts.size() == 2 || parts.get(2).equals(new Template.Placeholder(Template.Variable.URI))
              || parts.get(2) instanceof Template.Literal after && PORT_THEN_PATH.matcher(after.text()).matches());
      if (host.isEmpty() && !viewerHost && (parts.size() == 1 || end == 0)) {
        throw new IllegalArgumentException("the absolute location has no host after '"
            + first.substring(0, first.indexOf("://") + 3) + "'");
      }
      // the port ends a written host, or starts the literal after ${host}
      Matcher written = PORT_AFTER_HOST.matcher(host);
      boolean writtenHost = literalHost && written.matches();
      Matcher afterHost = viewerHost && parts.size() > 2 && parts.get(2) instanceof Template.Literal after
          ? PORT_THEN_PATH.matcher(after.text()) : null;
      String port = writtenHost ? written.group(2) : afterHost != null && afterHost.matches() ? afterHost.group(1) : null;
      if (port != null && Integer.parseInt(port) > 65_535) {
        throw new IllegalArgumentException("the port " + port + " is past 65535");
      }
      if (!writtenHost && !viewerHost) {
        throw new IllegalArgumentException("the host of an absolute location must be written out or be ${host}"
            + " alone: a host built from ${uri}, ${querystring} or around ${host} could send viewers to another site");
      }
    }

    /** A host name with an optional port, nothing a URL would read as user info or a path. */
    private static final Pattern PORT_AFTER_HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?");
    /** What may follow {@code ${host}}: an optional port, then the path, query or fragment, or nothing. */
    private static final Pattern PORT_THEN_PATH = Pattern.compile("(?::([0-9]{1,5}))?([/?#].*)?", Pattern.DOTALL);

    private static int firstOf(String text, String chars) {
      for (int i = 0; i < text.length(); i++) {
        if (chars.indexOf(text.charAt(i)) >= 0) {
          return i;
        }
      }
      return -1;
    }

    private static boolean isAbsolute(Template location) {
      String prefix = location.literalPrefix();
      return prefix.startsWith("https://") || prefix.startsWith("http://");
    }

    /** The reason phrase for the status, e.g. {@code Found} for 302. */
    public String statusDescription() {
      return STATUS_DESCRIPTIONS.get(status);
    }
  }

  /**
   * Change the request and let it go on: first remove headers, then set headers (replacing any
   * earlier value, repeated values included), then rewrite the URI.
   *
   * @param uri the new {@code request.uri}; expanded from the request before any change
   * @param setHeaders lower-case name to literal value, in the order written; values as
   *     {@link Headers#requireValue} allows (printable ASCII, inner spaces and tabs)
   * @param removeHeaders lower-case names; removing an absent header does nothing
   */
  record ModifyRequest(Optional<Template> uri, Map<String, String> setHeaders, List<String> removeHeaders)
      implements Action {
    public ModifyRequest {
      uri = Objects.requireNonNullElse(uri, Optional.empty());
      setHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(setHeaders));
      removeHeaders = List.copyOf(removeHeaders);
      if (uri.isEmpty() && setHeaders.isEmpty() && removeHeaders.isEmpty()) {
        throw new IllegalArgumentException("changes nothing: give rewrite, set_headers or remove_headers");
      }
      uri.ifPresent(t -> {
        if (!t.literalPrefix().startsWith("/") && !t.startsWith(Template.Variable.URI)) {
          throw new IllegalArgumentException("the rewritten uri must start with '/' or ${uri}");
        }
        if (t.source().indexOf('?') >= 0 || t.source().indexOf('#') >= 0) {
          // CloudFront rejects a request.uri holding them: the emulator would replay what never runs
          throw new IllegalArgumentException("the rewritten uri may not hold '?' or '#': it is a path, not a URL");
        }
      });
      for (var e : setHeaders.entrySet()) {
        Headers.requireSettable(e.getKey());
        Headers.requireValue(e.getKey(), e.getValue());
      }
      for (String name : removeHeaders) {
        Headers.requireWritable(name);
      }
      for (String name : removeHeaders) {
        if (setHeaders.containsKey(name)) {
          throw new IllegalArgumentException("'" + name + "' is both set and removed: setting it replaces it already");
        }
      }
    }
  }
}
