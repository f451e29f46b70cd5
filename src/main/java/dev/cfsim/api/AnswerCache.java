package dev.cfsim.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Remembers the JSON answered for a request to a pure route (estimates, plan comparison): the
 * answer depends only on the route, the query and the body, since the price books are fixed for
 * the life of the server. Dashboards poll the same profiles and the calculator repeats itself
 * as a person types, so most requests are answered without pricing anything again.
 *
 * <p>Only successful answers are kept, so a hit also means the body was already checked. The
 * cache is bounded by the characters it holds and simply starts afresh when full: cheap, and no
 * request can grow it past the bound.
 */
final class AnswerCache {
  private final long maxChars;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final AtomicLong chars = new AtomicLong();

  AnswerCache(long maxChars) {
    this.maxChars = maxChars;
  }

  /** The answer remembered for {@code key}, if any. */
  String get(String key) {
    return answers.get(key);
  }

  /** Computes the answer for {@code key} and remembers it (when it fits). */
  String compute(String key, Supplier<String> answer) {
    String value = answer.get();
    long size = (long) key.length() + value.length();
    if (size <= maxChars / 16) {
      if (chars.addAndGet(size) > maxChars) {
        answers.clear();
        chars.set(size);
      }
      answers.put(key, value);
    }
    return value;
  }

  static String key(String route, String query, String body) {
    return route + '?' + (query == null ? "" : query) + '\n' + body;
  }
}
