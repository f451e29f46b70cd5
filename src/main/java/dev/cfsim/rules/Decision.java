package dev.cfsim.rules;

import dev.cfsim.viewer.ViewerRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a viewer-request function returns for one request, and which rule decided it: either a
 * {@link Response} answered from the edge (a redirect) or the {@link Request}, changed or not,
 * that goes on to the cache and origin.
 */
public sealed interface Decision {

  /** The id of the rule that matched, or {@code pass} / {@code default} when none did. */
  String ruleId();

  /**
   * A response object: {@code {statusCode, statusDescription, headers}}.
   *
   * @param ruleId the deciding rule
   * @param statusCode e.g. 302
   * @param statusDescription e.g. {@code Found}
   * @param headers lower-case name to value, e.g. {@code location}
   */
  record Response(String ruleId, int statusCode, String statusDescription, Map<String, String> headers)
      implements Decision {
    public Response {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(statusDescription, "statusDescription");
      headers = copy(headers);
    }

    /** Redirects carry one header, which needs no LinkedHashMap to keep its order. */
    private static Map<String, String> copy(Map<String, String> headers) {
      if (headers.size() == 1) {
        Map.Entry<String, String> only = headers.entrySet().iterator().next();
        return Collections.singletonMap(only.getKey(), only.getValue());
      }
      return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The {@code location} header, or null when there is none. */
    public String location() {
      return headers.get("location");
    }
  }

  /**
   * The request object the function returns.
   *
   * @param ruleId the deciding rule
   * @param request the request as it goes on; the very input when nothing changed
   * @param changed true when the rule changed the URI or a header
   */
  record Request(String ruleId, ViewerRequest request, boolean changed) implements Decision {
    public Request {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(request, "request");
    }
  }
}
