package dev.cfsim.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Refuses a regex whose repeats can split one run of characters between them in too many ways.
 * A backtracking engine (V8's and Java's alike) tries every split of a value that does not match:
 * {@code a*a*a*a*a*a*a*a*a*a*a*a*b} on 18 a's took Java 1.7 s and Node past the function's limit,
 * {@code ^[a-z0-9]+[a-z0-9-]*[a-z0-9]+[.]example[.]com$} 19 s on 3,000 (differential fuzzing).
 * CloudFront stops such a function, where the emulator would stall and then decide.
 *
 * <p>Repeats in one sequence count together when one character can run through both and through
 * every element between them that must take a character (a repeated group through any of its
 * characters: {@code (ab)*(ab)*x}); their ways to split the run multiply (a repeat's range,
 * {@value #VALUE_LENGTH} for {@code *} and {@code +}, each alternative of a group adding its own).
 * Times the starts a search tries ({@value #VALUE_LENGTH} unless the sequence begins with '^'),
 * past {@link #MAX_WORK}, with something after them that can still fail, the expression is
 * refused. So is a lookahead holding a repeat after a repeat ({@code a*(?=.*x)}), read again for
 * each split. One {@code .*} passes (quadratic in the value's length, as {@code ^a*a*b}); so do
 * {@code ^\d+(\.\d+)?$} (the group's run would need '.' to be a digit) and repeats at the very
 * end ({@code .*-.*}: the first split to reach the end wins).
 */
final class RepeatOverlapCheck {
  /** The length a long header value is taken to have, for a repeat without a limit. */
  static final long VALUE_LENGTH = 1_000;

  /**
   * Most work a search may do: the starts it tries times the ways overlapping repeats split a
   * run at each. One unanchored {@code .*} (quadratic in the value's length) times ten;
   * {@code ^a*a*b} is as much, {@code a*a*b} a thousand times more.
   */
  static final long MAX_WORK = VALUE_LENGTH * VALUE_LENGTH * 10;

  private RepeatOverlapCheck() {}

  /** The branches ('|') of the whole expression or of one group, each a sequence of elements. */
  static final class Sequences {
    final List<List<Element>> branches = new ArrayList<>(List.of(new ArrayList<>()));

    List<Element> current() {
      return branches.get(branches.size() - 1);
    }

    /** Puts the quantifier that follows the last element on it. */
    void repeatLast(long min, long max, int end) {
      List<Element> sequence = current();
      Element last = sequence.get(sequence.size() - 1);
      sequence.set(sequence.size() - 1, new Element(last.start, end, last.units, last.group, last.zeroWidth, min, max));
    }
  }

  /**
   * One element of a sequence: an atom taking one of {@code units}, a group, or an assertion
   * taking nothing; with the repetitions its quantifier allows.
   *
   * @param start where it begins in the expression
   * @param end where it and its quantifier end
   */
  record Element(int start, int end, BitSet units, Sequences group, boolean zeroWidth, long min, long max) {

    static Element atom(int start, int end, BitSet units) {
      return new Element(start, end, units, null, false, 1, 1);
    }

    static Element group(int start, int end, Sequences body, boolean lookahead) {
      return new Element(start, end, null, body, lookahead, 1, 1);
    }

    static Element assertion(int start, int end) {
      return new Element(start, end, null, null, true, 1, 1);
    }
  }

  /** Throws {@link IllegalArgumentException} naming two repeats of {@code src} that split a run too many ways. */
  static void check(String src, Sequences expression) {
    check(src, expression, true, VALUE_LENGTH);
  }

  /**
   * {@code whole}: the expression's own branches (nothing follows them); {@code starts}: where a
   * search may begin them, one after '^', else every position of the value.
   */
  private static void check(String src, Sequences node, boolean whole, long starts) {
    for (List<Element> branch : node.branches) {
      List<Element> sequence = new ArrayList<>();
      flatten(branch, sequence);
      long from = anchored(src, sequence) ? 1 : starts;
      for (Element e : sequence) {
        if (e.group() != null) {
          check(src, e.group(), false, from);
        }
      }
      lookaheadsAfterRepeats(src, sequence, from);
      // each element's ways and run once, not once per pair (a group's walk its whole body)
      long[] elementWays = sequence.stream().mapToLong(RepeatOverlapCheck::ways).toArray();
      BitSet[] runs = sequence.stream().map(RepeatOverlapCheck::run).toArray(BitSet[]::new);
      for (int a = 0; a < sequence.size(); a++) {
        long ways = elementWays[a];
        if (ways == 1) {
          continue;
        }
        for (int b = a + 1; b < sequence.size(); b++) {
          long more = elementWays[b];
          int shared = more == 1 ? -1 : sharedRun(sequence, runs, a, b);
          if (shared < 0) {
            continue;
          }
          ways = times(ways, more);
          if (times(from, ways) > MAX_WORK) {
            // with nothing after them that can fail, the first split that reaches the end wins,
            // and nothing after a later repeat can fail either
            if (whole && !canFailAfter(sequence, b)) {
              break;
            }
            throw refused(src, sequence.get(a), sequence.get(b), shared);
          }
        }
      }
    }
  }

  /** The sequence begins with '^': a search tries it at the value's start only. */
  private static boolean anchored(String src, List<Element> sequence) {
    if (sequence.isEmpty()) {
      return false;
    }
    Element first = sequence.get(0);
    return first.zeroWidth() && first.group() == null && src.charAt(first.start()) == '^';
  }

  /**
   * A lookahead holding a repeat ({@code (?=.*x)}) reads to the value's end each time it is
   * tried, and it is tried once per way the repeats before it split: {@code a*(?=.*x)}.
   */
  private static void lookaheadsAfterRepeats(String src, List<Element> sequence, long starts) {
    long before = 1;
    Element repeat = null;
    for (Element e : sequence) {
      if (e.zeroWidth() && e.group() != null) {
        long reads = alternatives(e.group());
        if (repeat != null && times(times(starts, before), reads) > MAX_WORK) {
          throw new IllegalArgumentException("the lookahead '" + src.substring(e.start(), e.end()) + "' (position "
              + (e.start() + 1) + ") repeats after '" + src.substring(repeat.start(), repeat.end()) + "' (position "
              + (repeat.start() + 1) + "): it is tried again for each way the repeat can end, and reads on each"
              + " time, so a long value takes a power of its length; move the lookahead to the start ('^(?=…)')");
        }
      } else if (ways(e) > 1) {
        before = times(before, ways(e));
        repeat = e;
      }
    }
  }

  /** A group taken exactly once, of one branch, is its elements in the sequence. */
  private static void flatten(List<Element> branch, List<Element> into) {
    for (Element e : branch) {
      if (e.group() != null && !e.zeroWidth() && e.min() == 1 && e.max() == 1 && e.group().branches.size() == 1) {
        flatten(e.group().branches.get(0), into);
      } else {
        into.add(e);
      }
    }
  }

  /**
   * A character that can run through elements {@code a} and {@code b} and every element between
   * them that must take one, or -1.
   */
  private static int sharedRun(List<Element> sequence, BitSet[] runs, int a, int b) {
    BitSet first = runs[a];
    BitSet second = runs[b];
    if (!first.intersects(second)) {
      return -1;
    }
    if (sequence.subList(a + 1, b).stream().allMatch(RepeatOverlapCheck::canBeEmpty)) {
      // the common case, answered without copying sets of up to 65,536 bits
      for (int c = first.nextSetBit(0); ; c = first.nextSetBit(c + 1)) {
        if (second.get(c)) {
          return c;
        }
      }
    }
    BitSet shared = (BitSet) first.clone();
    shared.and(second);
    for (int k = a + 1; k < b && !shared.isEmpty(); k++) {
      Element between = sequence.get(k);
      if (!canBeEmpty(between)) {
        shared.and(runs[k]);
      }
    }
    return shared.nextSetBit(0);
  }

  /**
   * The characters {@code c} of which the element can take a run (c, cc, …): an atom's own; for a
   * group, those every element of one of its branches that must take a character can take.
   */
  private static BitSet run(Element e) {
    if (e.zeroWidth()) {
      return new BitSet();
    }
    if (e.units() != null) {
      return e.units();
    }
    BitSet runs = new BitSet();
    if (e.max() > 1) {
      // a repeated group runs through every character it holds: (ab)* takes abab…
      e.group().branches.stream().flatMap(List::stream).forEach(inner -> runs.or(run(inner)));
      return runs;
    }
    for (List<Element> branch : e.group().branches) {
      BitSet branchRun = null;
      BitSet any = new BitSet();
      for (Element inner : branch) {
        any.or(run(inner));
        if (!canBeEmpty(inner)) {
          if (branchRun == null) {
            branchRun = (BitSet) run(inner).clone();
          } else {
            branchRun.and(run(inner));
          }
        }
      }
      runs.or(branchRun == null ? any : branchRun);
    }
    return runs;
  }

  /**
   * In how many ways an element can take a run: its repeat's range ({@link #VALUE_LENGTH} without
   * a limit) times, for a group, the sum over its branches of their elements' ways.
   */
  private static long ways(Element e) {
    if (e.zeroWidth()) {
      return 1;
    }
    long ways = e.max() == Long.MAX_VALUE ? VALUE_LENGTH : Math.min(e.max() - e.min() + 1, VALUE_LENGTH);
    return e.group() == null ? ways : times(ways, alternatives(e.group()));
  }

  /** The ways a group's body takes a run once: the sum over its branches of their elements' ways. */
  private static long alternatives(Sequences group) {
    long alternatives = 0;
    for (List<Element> branch : group.branches) {
      long product = 1;
      for (Element inner : branch) {
        product = times(product, ways(inner));
      }
      alternatives = Math.min(alternatives + product, Long.MAX_VALUE / 4);
    }
    return alternatives;
  }

  /** A product that stops growing past any limit that matters. */
  private static long times(long a, long b) {
    return a > Long.MAX_VALUE / 4 / b ? Long.MAX_VALUE / 4 : a * b;
  }

  private static boolean canBeEmpty(Element e) {
    return e.zeroWidth() || e.min() == 0 || e.group() != null
        && e.group().branches.stream().anyMatch(b -> b.stream().allMatch(RepeatOverlapCheck::canBeEmpty));
  }

  private static boolean canFailAfter(List<Element> sequence, int b) {
    for (int k = b + 1; k < sequence.size(); k++) {
      Element e = sequence.get(k);
      if (e.zeroWidth() || !canBeEmpty(e)) {
        return true;
      }
    }
    return false;
  }

  private static IllegalArgumentException refused(String src, Element first, Element second, int shared) {
    String example = shared > 32 && shared < 127 ? "'" + (char) shared + "'" : String.format("\\u%04X", shared);
    return new IllegalArgumentException("'" + src.substring(first.start(), first.end()) + "' (position "
        + (first.start() + 1) + ") and '" + src.substring(second.start(), second.end()) + "' (position "
        + (second.start() + 1) + ") can both take a run of " + example + ", with nothing between them that"
        + " must differ: a long value that does not match can be split between the repeats in more ways than"
        + " can be tried in time (with * or +, a power of its length), so CloudFront would stop the function"
        + " where the emulator stalls. Join them into one repeat, or make the characters they take distinct"
        + " (e.g. [^-]*-.*x for .*-.*x)");
  }
}
