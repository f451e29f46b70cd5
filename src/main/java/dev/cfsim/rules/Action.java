package dev.cfsim.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
      if (keepQuery && location.uses(Template.Variable.QUERYSTRING)) {
        throw new IllegalArgumentException(
            "keep_query and ${querystring} would add the query string twice; use one");
      }
    }

    /**
     * True when the location names its own scheme and host; otherwise it is relative (it starts
     * with {@code /} or {@code ${uri}}) and is kept on this site ({@link RelativeLocation}).
     */
    public boolean absolute() {
      return isAbsolute(location);
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
      });
      for (var e : setHeaders.entrySet()) {
        Headers.requireSettable(e.getKey());
        Headers.requireValue(e.getKey(), e.getValue());
      }
      for (String name : removeHeaders) {
        Headers.requireWritable(name);
      }
      if (!Collections.disjoint(setHeaders.keySet(), Set.copyOf(removeHeaders))) {
        throw new IllegalArgumentException("a header is both set and removed");
      }
    }
  }
}
