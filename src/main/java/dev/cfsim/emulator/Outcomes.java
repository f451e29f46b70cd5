package dev.cfsim.emulator;

import dev.cfsim.rules.Decision;
import dev.cfsim.rules.QueryStrings;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Says in a few words what a decision did to a request, for samples in reports. */
final class Outcomes {
  private Outcomes() {}

  static String describe(ViewerRequest before, Decision decision) {
    if (decision instanceof Decision.Response r) {
      String answer = r.statusCode() + (r.statusDescription().isEmpty() ? "" : " " + r.statusDescription());
      return r.location() == null ? answer + " from the edge" : answer + " -> " + r.location();
    }
    Decision.Request forwarded = (Decision.Request) decision;
    if (!forwarded.changed()) {
      return "passed unchanged";
    }
    ViewerRequest after = forwarded.request();
    List<String> changes = new ArrayList<>();
    if (!after.uri().equals(before.uri())) {
      changes.add("uri " + after.uri());
    }
    Map<String, FieldValue> old = before.headers();
    after.headers().forEach((name, value) -> {
      if (!value.equals(old.get(name))) {
        changes.add("set " + name + ": " + value.value());
      }
    });
    old.keySet().stream().filter(name -> !after.headers().containsKey(name))
        .forEach(name -> changes.add("removed " + name));
    // a function may change what rules cannot: the query string and the cookies
    if (!after.querystring().equals(before.querystring())) {
      changes.add("query string " + QueryStrings.serialise(after.querystring()));
    }
    if (!after.cookies().equals(before.cookies())) {
      changes.add("cookies changed");
    }
    if (changes.isEmpty()) {
      changes.add("other changes");
    }
    return "forwarded with " + String.join(", ", changes);
  }
}
