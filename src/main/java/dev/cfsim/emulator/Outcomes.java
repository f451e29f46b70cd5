package dev.cfsim.emulator;

import dev.cfsim.rules.Decision;
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
      return r.statusCode() + " " + r.statusDescription() + " -> " + r.location();
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
    return "forwarded with " + String.join(", ", changes);
  }
}
