package dev.cfsim.rules;

/**
 * Keeps a relative redirect on the site that answered it. A browser reads a location that starts
 * with two slashes, or a slash and a backslash, as the address of another host (WHATWG URL: both
 * are separators there, and tabs and line breaks are dropped first), so {@code ${uri}/} with the
 * request URI {@code //evil.example} would send the viewer to evil.example. The run of slashes,
 * backslashes, tabs and line breaks that starts a relative location therefore becomes one slash.
 * The generated function does the same in {@code sameSite} ({@code FunctionGenerator}).
 */
public final class RelativeLocation {
  /** What a browser skips between the scheme-relative slashes: / \ tab LF CR. */
  private static final String LEADING = "/\\\t\n\r";

  private RelativeLocation() {}

  /** {@code location} with its leading run of {@link #LEADING} characters, if any, replaced by one slash. */
  public static String onThisSite(String location) {
    int i = 0;
    while (i < location.length() && LEADING.indexOf(location.charAt(i)) >= 0) {
      i++;
    }
    return "/" + location.substring(i);
  }
}
