package dev.cfsim.api;

import dev.cfsim.logs.GzipStreams;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipException;
import org.eclipse.jetty.server.MultiPartFormInputStream;

/**
 * The parts of an emulation upload, received within the limits: the log is decompressed (when
 * it is gzip) into a temporary file no larger than the upload limit and with no more records
 * than the record limit, so a small zip bomb or a huge log is refused with 413 before any replay.
 *
 * @param rules the rules file's text
 * @param log the plain log in a temporary file, deleted by {@link #delete()}
 * @param logName what messages call the log: "log part" with the part's filename (never the
 *     temporary file's path, which means nothing to the sender)
 */
record LogUpload(String rules, Path log, String logName) {
  private static final String MULTIPART = "multipart/form-data";
  private static final List<String> PARTS = List.of("log", "rules");
  private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));
  /** Parts Jetty will parse before refusing: a few past the two an upload has, to name them. */
  private static final int MAX_PARTS = 16;

  static LogUpload receive(Context ctx, ApiLimits limits) {
    RequestBodies.requireMediaType(ctx, MULTIPART);
    RequestBodies.requireNoContentEncoding(ctx);
    long declared = ctx.req().getContentLengthLong();
    if (declared < 0) {
      throw ProblemException.lengthRequired("send the upload with a Content-Length (curl -F does)");
    }
    if (declared > limits.maxUploadBytes() + limits.maxBodyBytes()) {
      throw ProblemException.tooLarge("the upload (" + declared + " bytes) is larger than this API accepts ("
          + (limits.maxUploadBytes() + limits.maxBodyBytes()) + " bytes)");
    }
    Duration allowed = uploadTime(declared, limits);
    long max = limits.maxUploadBytes() + limits.maxBodyBytes();
    MultiPartFormInputStream form = null;
    Path log = null;
    try (InputStream body = BodyDeadline.open(ctx, allowed)) {
      form = new MultiPartFormInputStream(body, ctx.contentType(),
          new MultipartConfigElement(TEMP.toString(), max, max, 64 * 1024), TEMP.toFile(), MAX_PARTS);
      Collection<Part> parts;
      try {
        parts = form.getParts();
      } catch (IOException | RuntimeException e) { // Jetty's parser: IOException or IllegalStateException
        ProblemException failure = RequestBodies.transferFailure(e, limits);
        throw failure != null ? failure : ProblemException.badRequest(
            "the body is not valid multipart/form-data: " + e.getMessage(), null);
      }
      requireKnownParts(parts);
      Part rulesPart = part(parts, "rules");
      Part logPart = part(parts, "log");
      String rules = rulesText(rulesPart, limits);
      if (logPart == null) {
        throw ProblemException.badRequest(
            "the upload has no 'log' file part (curl -F log=@access.log.gz -F rules=@rules.yaml)", null);
      }
      log = Files.createTempFile("cfsim-api-upload", ".log");
      copyBounded(logPart, log, limits);
      return new LogUpload(rules, log, logName(logPart));
    } catch (IOException e) {
      deleteQuietly(log);
      ProblemException failure = RequestBodies.transferFailure(e, limits);
      if (failure != null) {
        throw failure;
      }
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(log);
      throw e;
    } finally {
      if (form != null) {
        form.deleteParts();
      }
    }
  }

  /**
   * How long an upload has to arrive, from its first read: the request timeout for each
   * {@code maxBodyBytes} it declares (10 s per 64 KiB by default), so a small upload has the
   * request timeout and the largest about 11 minutes, however it pauses on the way.
   */
  static Duration uploadTime(long declared, ApiLimits limits) {
    long units = Math.max(1, (declared + limits.maxBodyBytes() - 1) / limits.maxBodyBytes());
    return limits.requestTimeout().multipliedBy(units);
  }

  void delete() {
    deleteQuietly(log);
  }

  /** The rules, as a file part ({@code -F rules=@shop.yaml}) or a text field ({@code -F rules=<shop.yaml}). */
  private static String rulesText(Part part, ApiLimits limits) throws IOException {
    String text = null;
    if (part != null) {
      if (part.getSize() > limits.maxBodyBytes()) {
        throw ProblemException.tooLarge("the rules part is larger than " + limits.maxBodyBytes() + " bytes");
      }
      try (InputStream in = part.getInputStream()) {
        text = Utf8Text.decode(in.readAllBytes(), "the rules part");
      }
    }
    if (text == null || text.isBlank()) {
      throw ProblemException.badRequest(
          "the upload has no 'rules' part (curl -F log=@access.log.gz -F rules=@rules.yaml)", null);
    }
    return text;
  }

  /**
   * "log part", with the filename it was sent with (no directory) when it has one: the filename
   * alone is the sender's word, and a log sent as "rules.yaml" would be named as the rules.
   */
  private static String logName(Part part) {
    String name = part.getSubmittedFileName();
    if (name != null) {
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
          .replaceAll("\\p{Cntrl}", "").strip();
    }
    return name == null || name.isEmpty() ? "log part" : "log part (" + name + ")";
  }

  /** 400 for a part other than {@code log} and {@code rules}, or one of them sent twice. */
  private static void requireKnownParts(Collection<Part> parts) {
    Set<String> seen = new HashSet<>();
    for (Part p : parts) {
      String name = p.getName();
      if (!PARTS.contains(name)) {
        throw ProblemException.badRequest("unknown part '" + name + "': an upload has a 'log' "
            + "and a 'rules' part (curl -F log=@access.log.gz -F rules=@rules.yaml)", null);
      }
      if (!seen.add(name)) {
        throw ProblemException.badRequest(
            "the '" + name + "' part is given more than once: send one", null);
      }
    }
  }

  /** The part named {@code name}, or null. */
  private static Part part(Collection<Part> parts, String name) {
    for (Part p : parts) {
      if (p.getName().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** Copies the log part, counting records (lines not starting with {@code #}) against the limit. */
  private static void copyBounded(Part part, Path target, ApiLimits limits) throws IOException {
    try (InputStream raw = new BufferedInputStream(part.getInputStream());
        OutputStream out = Files.newOutputStream(target)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      try (InputStream in = gzip ? inflating(raw) : raw) {
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        long records = 0;
        boolean lineStart = true;
        boolean comment = false;
        for (int n = read(in, buffer, gzip); n > 0; n = read(in, buffer, gzip)) {
          bytes += n;
          if (bytes > limits.maxUploadBytes()) {
            throw ProblemException.tooLarge("the log is larger than " + limits.maxUploadBytes()
                + " bytes" + (gzip ? " once decompressed" : ""));
          }
          for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (lineStart) {
              comment = b == '#';
              lineStart = false;
            }
            if (b == '\n') {
              if (!comment) {
                records++;
              }
              lineStart = true;
            }
          }
          if (records > limits.maxUploadRecords()) {
            throw ProblemException.tooLarge("the log has more than " + limits.maxUploadRecords() + " records");
          }
          out.write(buffer, 0, n);
        }
        if (gzip && GzipStreams.bytesAfterMembers(in) > 0) {
          // the CLI counts them and reads on; an upload is refused, as a damaged gzip one is
          throw ProblemException.badRequest("the log's gzip data is followed by "
              + GzipStreams.bytesAfterMembers(in) + " bytes that do not start a gzip member;"
              + " send the gzip log or the plain one, not both", null);
        }
      }
    }
  }

  /** Opens an upload that starts like gzip; the inflater may read its header at once. */
  private static InputStream inflating(InputStream raw) throws IOException {
    try {
      return GzipStreams.open(raw);
    } catch (ZipException | EOFException e) {
      throw damaged(e);
    }
  }

  private static ProblemException damaged(IOException e) {
    return ProblemException.badRequest(
        "the log starts like gzip but is damaged or cut short: " + e.getMessage(), null);
  }

  /** Reads on; a gzip stream that cannot be inflated is the upload's fault, not the server's. */
  private static int read(InputStream in, byte[] buffer, boolean gzip) throws IOException {
    try {
      return in.read(buffer);
    } catch (ZipException | EOFException e) {
      if (!gzip) {
        throw e;
      }
      throw damaged(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is the OS's to clean; the answer matters more
      }
    }
  }
}
