package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the price books shipped with cfsim: the JSON files named {@code YYYY-MM-DD.json} under
 * {@code pricing/} on the classpath (in the jar, or target/classes when run from the build).
 */
public final class PriceBooks {
  private static final String DIR = "pricing";
  private static final Pattern BOOK = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.json");

  private PriceBooks() {}

  /** The newest shipped price book, or the one in {@code file} when given. */
  public static PriceBook load(Path file) throws IOException {
    return file == null ? newest() : PriceBookReader.read(file);
  }

  private static PriceBook newest;

  /**
   * The newest price book on the classpath, read once: shipped books cannot change while cfsim
   * runs. Not a holder class: a book that fails its checks must reach the caller as the
   * InvalidInputException naming it (exit 2), not as an ExceptionInInitializerError (exit 3)
   * and then a NoClassDefFoundError on every later call.
   */
  public static synchronized PriceBook newest() {
    if (newest == null) {
      List<String> ids = shippedIds();
      if (ids.isEmpty()) {
        throw new IllegalStateException("no price book under " + DIR + "/ on the classpath");
      }
      newest = shipped(ids.get(ids.size() - 1));
    }
    return newest;
  }

  /** One shipped price book by id (its effective date). */
  public static PriceBook shipped(String id) {
    return parseShipped(id, shippedBytes(id));
  }

  /** A shipped book read from its file's bytes (see {@link #shippedBytes}). */
  public static PriceBook parseShipped(String id, byte[] bytes) {
    String source = "classpath:" + DIR + "/" + id + ".json";
    PriceBook book = PriceBookReader.parse(source, new String(bytes, StandardCharsets.UTF_8));
    if (!book.id().equals(id)) {
      // a shipped book is chosen by its file name and reports its id: the two must be one date
      throw new InvalidInputException(source, "id", "is '" + book.id() + "' but the file is named " + id
          + ".json; shipped books are chosen by file name, so name the file " + book.id() + ".json or change the id");
    }
    return book;
  }

  /** A shipped book's file exactly as shipped (sources and dates included). */
  public static byte[] shippedBytes(String id) {
    String name = DIR + "/" + id + ".json";
    try (InputStream in = PriceBooks.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped price book " + id);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the shipped price books, oldest first; listed once, since they cannot change. */
  public static List<String> shippedIds() {
    return Shipped.IDS;
  }

  /** Lists the shipped books on first use (the JVM makes this lazy and thread-safe). */
  private static final class Shipped {
    static final List<String> IDS = listIds();
  }

  private static List<String> listIds() {
    URL url = PriceBooks.class.getClassLoader().getResource(DIR);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return ids(fs.getPath("/" + DIR));
        }
      }
      return ids(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> ids(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> BOOK.matcher(n).matches())
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    }
  }
}
