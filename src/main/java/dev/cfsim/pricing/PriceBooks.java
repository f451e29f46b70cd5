package dev.cfsim.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
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

  /** The newest price book on the classpath. */
  public static PriceBook newest() {
    List<String> ids = shippedIds();
    if (ids.isEmpty()) {
      throw new IllegalStateException("no price book under " + DIR + "/ on the classpath");
    }
    return shipped(ids.get(ids.size() - 1));
  }

  /** One shipped price book by id (its effective date). */
  public static PriceBook shipped(String id) {
    String name = DIR + "/" + id + ".json";
    try (InputStream in = PriceBooks.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped price book " + id);
      }
      return PriceBookReader.parse("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the shipped price books, oldest first. */
  public static List<String> shippedIds() {
    URL url = PriceBooks.class.getClassLoader().getResource(DIR);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return ids(fs.getPath("/" + DIR));
        } catch (FileSystemAlreadyExistsException e) { // another thread is listing the jar
          return ids(FileSystems.getFileSystem(uri).getPath("/" + DIR));
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
