package dev.cfsim.bench;

import dev.cfsim.viewer.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic request mix for the viewer benchmarks, the same on every run (fixed seed): mostly
 * South Korean viewers (the target shop's), some from elsewhere, one in ten over IPv6, a few
 * thousand distinct IPs and User-Agents from the labelled corpus, as a busy hour of logs has.
 */
final class ViewerTraffic {
  static final int REQUESTS = 8192;
  static final int DISTINCT_IPS = 3000;

  private ViewerTraffic() {}

  static List<String> userAgents() {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        ViewerTraffic.class.getResourceAsStream("/viewer/user-agents.tsv"),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.startsWith("#")) {
          out.add(line.split("\t", -1)[7]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String[] ips(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // Korean carrier blocks (SK Telecom, KT, LG U+) and IPv6 2001:2d8::/32 (SK Telecom)
    int[][] korean = {{211, 234}, {223, 38}, {175, 223}, {121, 134}, {118, 235}, {106, 101}};
    String[] ips = new String[count];
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        ips[i] = String.format("2001:2d8:%x:%x::%x", random.nextInt(0x10000),
            random.nextInt(0x10000), random.nextInt(0x10000));
      } else if (kind < 8) {
        int[] block = korean[random.nextInt(korean.length)];
        ips[i] = block[0] + "." + block[1] + "." + random.nextInt(256) + "." + random.nextInt(256);
      } else {
        ips[i] = (1 + random.nextInt(223)) + "." + random.nextInt(256) + "."
            + random.nextInt(256) + "." + random.nextInt(256);
      }
    }
    return ips;
  }

  static RecordedRequest[] requests() {
    SplittableRandom random = new SplittableRandom(42);
    String[] ips = ips(DISTINCT_IPS, 7);
    List<String> agents = userAgents();
    String[] paths = {"/", "/product/12345", "/category/shoes", "/api/cart", "/static/app.js",
        "/search", "/images/banner.webp"};
    RecordedRequest[] requests = new RecordedRequest[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      String path = paths[random.nextInt(paths.length)];
      requests[i] = RecordedRequest.from(ips[random.nextInt(ips.length)])
          .port(1024 + random.nextInt(60000))
          .uri(path)
          .querystring(path.equals("/search") ? "q=%EC%8B%A0%EB%B0%9C&page=" + random.nextInt(5)
              : "")
          .host("www.example.co.kr")
          .userAgent(agents.get(random.nextInt(agents.size())))
          .header("Accept", "text/html,application/xhtml+xml")
          .header("Accept-Language", "ko-KR,ko;q=0.9")
          .header("Referer", "https://www.example.co.kr/")
          .cookie("session=" + Integer.toHexString(random.nextInt()) + "; ab=b")
          .build();
    }
    return requests;
  }
}
