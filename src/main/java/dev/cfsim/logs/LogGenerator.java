package dev.cfsim.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Writes realistic CloudFront standard logs (33 fields, gzip, S3 file names, one or more files
 * per hour) for demos and benchmarks. Deterministic for a seed. Counts are exact where a profile
 * can check them: each country gets its share of requests (largest-remainder rounding), spread
 * over the window by the diurnal curve in its local time, and every request of a country goes
 * to one of its edge locations, so requests per pricing region are known in advance.
 */
public final class LogGenerator {

  private static final DateTimeFormatter FILE_HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  /**
   * Methods whose responses CloudFront caches: GET and HEAD, and OPTIONS only when the cache
   * behavior's CachedMethods says so, which a behavior does not unless told (CachedMethods,
   * CloudFront API Reference, https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html,
   * read 2026-11-25). Any other request goes to the origin.
   */
  private static final Set<String> CACHED_METHODS = Set.of("GET", "HEAD");

  private static final String[] SEARCH_WORDS = {"운동화", "가방", "원피스", "노트북", "coat", "선물"};

  private final GeneratorMix mix;
  private final GeoNetworks networks;

  public LogGenerator(GeneratorMix mix, GeoNetworks networks) {
    this.mix = mix;
    this.networks = networks;
  }

  /**
   * What was written.
   *
   * @param files the files, in hour order
   * @param requestsByCountry requests per viewer country, exactly as generated
   */
  public record Result(List<Path> files, long requests, Map<String, Long> requestsByCountry) {}

  /**
   * Writes {@code requests} log lines under {@code outDir}.
   *
   * @param progress told the number of lines written so far, now and then
   */
  public Result generate(long requests, long seed, Path outDir, LongConsumer progress)
      throws IOException {
    Files.createDirectories(outDir);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> countries = new ArrayList<>(mix.countries().keySet());
    countries.sort(null);
    long[] perCountry =
        apportion(requests, countries.stream().mapToDouble(c -> mix.countries().get(c).share()).toArray());
    long[][] perHour = new long[countries.size()][];
    for (int c = 0; c < countries.size(); c++) {
      GeneratorMix.Country country = mix.countries().get(countries.get(c));
      double[] w = new double[mix.hours()];
      int startHour = mix.startInstant().atOffset(ZoneOffset.UTC).getHour();
      for (int h = 0; h < mix.hours(); h++) {
        int local = Math.floorMod(startHour + h + country.utcOffset(), 24);
        w[h] = mix.diurnal().get(local);
      }
      perHour[c] = apportion(perCountry[c], w);
    }
    Sampler sampler = new Sampler(mix, seed);
    List<Path> files = new ArrayList<>();
    long written = 0;
    for (int h = 0; h < mix.hours(); h++) {
      long hourStart = mix.startInstant().getEpochSecond() + h * 3600L;
      long[] left = new long[countries.size()];
      long inHour = 0;
      for (int c = 0; c < countries.size(); c++) {
        left[c] = perHour[c][h];
        inHour += left[c];
      }
      String date = DATE.format(java.time.Instant.ofEpochSecond(hourStart));
      int hourOfDay = (int) Math.floorMod(hourStart / 3600, 24L);
      while (inHour > 0) {
        long lines = Math.min(inHour, mix.linesPerFile());
        Path file =
            outDir.resolve(
                mix.distributionId() + "." + FILE_HOUR.format(java.time.Instant.ofEpochSecond(hourStart))
                    + "." + uniqueId(rnd) + ".gz");
        try (Writer out = gzipWriter(file)) {
          out.write("#Version: 1.0\n#Fields: " + String.join(" ", LogField.STANDARD_33) + "\n");
          StringBuilder line = new StringBuilder(1024);
          for (long i = 0; i < lines; i++) {
            int c = pick(left, inHour, rnd);
            left[c]--;
            inHour--;
            line.setLength(0);
            sampler.line(line, countries.get(c), date, hourOfDay * 3600 + rnd.nextInt(3600), networks, rnd);
            out.append(line).append('\n');
            if ((++written & 0xffff) == 0) {
              progress.accept(written);
            }
          }
        }
        files.add(file);
      }
    }
    progress.accept(written);
    Map<String, Long> byCountry = new LinkedHashMap<>();
    for (int c = 0; c < countries.size(); c++) {
      byCountry.put(countries.get(c), perCountry[c]);
    }
    return new Result(files, written, byCountry);
  }

  /**
   * Splits {@code total} into integers proportional to {@code weights}, summing exactly to
   * {@code total} (largest remainder; ties to the lower index).
   */
  static long[] apportion(long total, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long[] out = new long[weights.length];
    double[] rest = new double[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      out[i] = (long) Math.floor(exact);
      rest[i] = exact - out[i];
      given += out[i];
    }
    for (long k = given; k < total; k++) {
      int best = 0;
      for (int i = 1; i < rest.length; i++) {
        if (rest[i] > rest[best]) {
          best = i;
        }
      }
      out[best]++;
      rest[best] = -1;
    }
    return out;
  }

  /** An index drawn with probability left[i] / total. */
  private static int pick(long[] left, long total, SplittableRandom rnd) {
    long r = rnd.nextLong(total);
    for (int i = 0; i < left.length; i++) {
      r -= left[i];
      if (r < 0) {
        return i;
      }
    }
    throw new IllegalStateException("counts do not add up");
  }

  private static String uniqueId(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      sb.append("0123456789abcdef".charAt(rnd.nextInt(16)));
    }
    return sb.toString();
  }

  private static Writer gzipWriter(Path file) throws IOException {
    OutputStream out =
        new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
    return new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
  }

  /** Draws the values of one line from the mix. */
  private static final class Sampler {
    final GeneratorMix mix;
    final Weighted<String> cache;
    final Weighted<String> errors;
    final Weighted<String> methods;
    final Weighted<String> versions;
    final Weighted<String> agents;
    final Weighted<Integer> objects;
    final ParetoDistribution[] sizes;
    final String distributionHost;

    Sampler(GeneratorMix mix, long seed) {
      this.mix = mix;
      this.cache = Weighted.of(mix.cacheResults());
      this.errors = mix.errorStatuses() == null ? null : Weighted.of(mix.errorStatuses());
      this.methods = Weighted.of(mix.methods());
      this.versions = Weighted.of(mix.httpVersions());
      Map<String, Double> ua = new LinkedHashMap<>();
      mix.userAgents().forEach(u -> ua.merge(UrlEncoding.encode(u.userAgent()), u.share(), Double::sum));
      this.agents = Weighted.of(ua);
      Map<Integer, Double> kinds = new LinkedHashMap<>();
      for (int i = 0; i < mix.objects().size(); i++) {
        kinds.put(i, mix.objects().get(i).share());
      }
      this.objects = Weighted.of(kinds);
      this.sizes = new ParetoDistribution[mix.objects().size()];
      for (int i = 0; i < sizes.length; i++) {
        GeneratorMix.ObjectKind o = mix.objects().get(i);
        sizes[i] =
            new ParetoDistribution(
                new Well19937c(seed * 31 + i), o.paretoScale(), o.paretoShape(),
                ParetoDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
      }
      this.distributionHost = "d" + Long.toString(Math.abs(seed % 1_000_000_000L) + 1_000_000_000L, 36) + "example.cloudfront.net";
    }

    void line(StringBuilder sb, String country, String date, int second, GeoNetworks networks,
        SplittableRandom rnd) {
      GeneratorMix.Country c = mix.countries().get(country);
      String edge = c.edgeLocations().get(rnd.nextInt(c.edgeLocations().size()));
      String result = cache.draw(rnd);
      String method = methods.draw(rnd);
      if (!CACHED_METHODS.contains(method) && !result.equals("Error")) {
        result = "Miss"; // never answered from the cache, so never a Hit nor a 304
      }
      boolean https = rnd.nextDouble() < mix.httpsShare();
      int kind = objects.draw(rnd);
      GeneratorMix.ObjectKind object = mix.objects().get(kind);
      long size = Math.min(object.maxBytes(), Math.round(sizes[kind].sample()));
      int status;
      String detailed = result;
      if (result.equals("Error")) {
        status = Integer.parseInt(errors.draw(rnd));
        detailed = status == 0 ? "ClientHungUpRequest" : status >= 500 ? "OriginConnectError" : "Error";
      } else if (!result.equals("Miss") && rnd.nextDouble() < mix.notModifiedShare()) {
        status = 304;
      } else {
        status = 200;
      }
      boolean body = status == 200 && !method.equals("HEAD") && !method.equals("OPTIONS");
      int headers = 280 + rnd.nextInt(220);
      long scBytes = status == 0 ? 0 : headers + (body ? size : status >= 400 ? 500 + rnd.nextInt(600) : 0);
      long csBytes = 180 + rnd.nextInt(700) + (method.equals("POST") ? 200 + rnd.nextInt(4000) : 0);
      boolean fromCache = result.endsWith("Hit");
      int takenMs = fromCache ? 1 + rnd.nextInt(30) : 40 + rnd.nextInt(800);
      int ttfbMs = Math.max(1, takenMs - rnd.nextInt(Math.max(1, takenMs / 2)));
      String path = object.path().replace("{n}", Integer.toString(rnd.nextInt(5000)));
      String query = "-";
      if (path.endsWith(".html") && rnd.nextInt(4) == 0) {
        // the viewer's own %-escapes: CloudFront writes their % as %25
        String word = java.net.URLEncoder.encode(SEARCH_WORDS[rnd.nextInt(SEARCH_WORDS.length)], StandardCharsets.UTF_8);
        query = UrlEncoding.encode("q=" + word + "&page=" + (1 + rnd.nextInt(5)));
      }
      String ip = networks.randomAddress(country, rnd);

      sb.append(date).append('\t');
      two(sb, second / 3600).append(':');
      two(sb, second / 60 % 60).append(':');
      two(sb, second % 60).append('\t');
      sb.append(edge).append('\t').append(scBytes).append('\t').append(ip).append('\t')
          .append(method).append('\t').append(distributionHost).append('\t').append(path).append('\t');
      status(sb, status).append('\t');
      sb.append(rnd.nextInt(3) == 0 ? "https://" + mix.host() + "/" : "-").append('\t');
      sb.append(agents.draw(rnd)).append('\t').append(query).append('\t');
      sb.append(rnd.nextBoolean() ? "session=" + Long.toHexString(rnd.nextLong()) + ";%20lang=ko" : "-").append('\t');
      sb.append(result).append('\t');
      requestId(sb, rnd).append('\t');
      sb.append(mix.host()).append('\t').append(https ? "https" : "http").append('\t')
          .append(csBytes).append('\t');
      seconds(sb, takenMs).append('\t');
      sb.append('-').append('\t');
      sb.append(https ? "TLSv1.3\tTLS_AES_128_GCM_SHA256" : "-\t-").append('\t');
      String version = versions.draw(rnd);
      if (!https && (version.equals("HTTP/2.0") || version.equals("HTTP/3.0"))) {
        // browsers speak HTTP/2 and HTTP/3 only over TLS; drawn first, so the random sequence
        // and every other field stay as they were
        version = "HTTP/1.1";
      }
      sb.append(result).append('\t').append(version).append('\t');
      sb.append("-\t-\t").append(1024 + rnd.nextInt(64512)).append('\t');
      seconds(sb, ttfbMs).append('\t');
      sb.append(detailed).append('\t');
      sb.append(status == 0 ? "-" : UrlEncoding.encode(object.contentType())).append('\t');
      sb.append(body ? Long.toString(size) : "-").append("\t-\t-");
    }

    private static StringBuilder two(StringBuilder sb, int v) {
      return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static StringBuilder status(StringBuilder sb, int status) {
      return sb.append((char) ('0' + status / 100)).append((char) ('0' + status / 10 % 10))
          .append((char) ('0' + status % 10));
    }

    private static StringBuilder seconds(StringBuilder sb, int ms) {
      sb.append(ms / 1000).append('.');
      int frac = ms % 1000;
      return sb.append((char) ('0' + frac / 100)).append((char) ('0' + frac / 10 % 10))
          .append((char) ('0' + frac % 10));
    }

    private static StringBuilder requestId(StringBuilder sb, SplittableRandom rnd) {
      for (int i = 0; i < 54; i++) {
        sb.append(B64.charAt(rnd.nextInt(64)));
      }
      return sb.append("==");
    }
  }

  /** A discrete distribution over a few values, drawn by cumulative weight. */
  private record Weighted<T>(List<T> values, double[] cumulative) {
    static <T> Weighted<T> of(Map<T, Double> weights) {
      List<T> values = new ArrayList<>();
      double[] cum = new double[weights.size()];
      double sum = 0;
      int i = 0;
      for (Map.Entry<T, Double> e : weights.entrySet()) {
        sum += e.getValue();
        values.add(e.getKey());
        cum[i++] = sum;
      }
      for (int k = 0; k < cum.length; k++) {
        cum[k] /= sum;
      }
      return new Weighted<>(values, cum);
    }

    T draw(SplittableRandom rnd) {
      double r = rnd.nextDouble();
      for (int i = 0; i < cumulative.length - 1; i++) {
        if (r < cumulative[i]) {
          return values.get(i);
        }
      }
      return values.get(values.size() - 1);
    }
  }
}
