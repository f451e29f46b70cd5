package dev.cfsim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The translated Java patterns decide exactly as JavaScript's {@code RegExp.test} does, checked
 * against Node (V8) on every pair of a set of expressions and tricky inputs: line terminators,
 * Unicode spaces, non-ASCII letters next to word boundaries, brackets in classes, characters
 * outside the BMP and lone surrogates.
 */
class EcmaRegexAgainstNodeTest {
  private static final List<String> REGEXES = List.of(
      "[Bb]ot\\b|[Cc]rawler|[Ss]pider|Slurp|Yeti/|Daumoa", "^a.b$", "end$", "^\\s+$", "\\S+", "\\bcafe\\b",
      "^\\w+$", "^[A-Za-z0-9]{16,}$", "^(?<v>v[0-9]+)/v", "^[ab]{1,20}?b$", "^[\\]\\-]+$",
      "^[.*+?{}()|^$/]+$", "^\\x41\\u0042\\/$", "^[^a]b$", "^[a[b]]$", "^[a&&b]$", "(?=ab)a", "a(?!b)",
      "^[\\s\\d]+$", "\\B", "x{2,3}", "^$", "a|", "[\\b]", "\\0", "^\\t\\v\\f$", "é+", "[à-ÿ]+", "^[^\\s]+$",
      "^.$", "^..$", "^[^a]{2}$", "^[\\u0000-\\uFFFF]$", "^[^\\u0000-\\uD7FF]+$", "[^\\uE000-\\uFFFF]", "\\B.", "^\\S\\W$",
      "\\b.\\b", "^x.+y$");
  private static final List<String> INPUTS = List.of(
      "Googlebot/2.1", "AhrefsBot", "robot", "a\u2028b", "a\nb", "a\u0085b", "the end", "the end\n",
      " \u00a0\u3000\ufeff", "\u180e", "écafe", "cafe", "é", "abc_1", "abcdefghijklmnop", "v2/v2", "abb", "]-]",
      ".*+?{}()|^$/", "AB/", "xb", "[]", "&", "b", "ab", "ac", "1 2", "", "xx", "xxxx", "\b", "\0",
      "\t\u000b\f", "ééé", "àÿ", "a\u2029", "Yeti/1.1", "aa\r",
      "\ud83d\ude00", "x\ud83d\ude00y", "a\udc00", "\ud800", "\udc00\ud800", "\udb80\udc00", "\udbbf\udfff", "\ud800a");

  @Test
  void every_expression_decides_every_input_as_node_does() throws IOException, InterruptedException {
    List<String> java = new ArrayList<>();
    for (String r : REGEXES) {
      var regex = new EcmaRegex(r).compile();
      for (String in : INPUTS) {
        java.add(String.valueOf(regex.test(in)));
      }
    }
    String script = "const R=" + jsArray(REGEXES) + ";const I=" + jsArray(INPUTS) + ";const out=[];"
        + "for(const r of R){const re=new RegExp(r);for(const i of I){out.push(String(re.test(i)));}}"
        + "process.stdout.write(out.join('\\n'));";
    Process node = new ProcessBuilder("node", "-e", script).redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    node.waitFor(60, TimeUnit.SECONDS);
    List<String> js = List.of(output.split("\n"));
    for (int k = 0; k < java.size(); k++) {
      int r = k / INPUTS.size();
      int i = k % INPUTS.size();
      assertEquals(js.get(k), java.get(k), "/" + REGEXES.get(r) + "/ on input #" + i);
    }
    assertEquals(js.size(), java.size(), output);
  }

  /** Strings as a JavaScript array literal, every character escaped as \\uXXXX. */
  private static String jsArray(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (String v : values) {
      sb.append('"');
      v.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
      sb.append("\",");
    }
    return sb.append(']').toString();
  }
}
