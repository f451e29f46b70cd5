package dev.cfsim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place the files a user names (profiles, rules, price books, offer files, mixes,
 * functions, databases) are checked and read. The JDK's own messages name neither the file nor
 * the fault ({@code Input length = 1} for a byte that is not UTF-8, {@code Is a directory}), so
 * every problem here becomes an {@link InvalidInputException} naming the path and saying what
 * is wrong.
 */
public final class UserFiles {
  private UserFiles() {}

  /**
   * The file's text, which must be UTF-8.
   *
   * @throws InvalidInputException naming the file (and for bad UTF-8 the line) when it is
   *     missing, a directory, unreadable or not UTF-8
   */
  public static String readText(Path file) {
    requireFile(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw problem(file.toString(), e);
    }
    return utf8(file.toString(), bytes);
  }

  /** Checks that {@code file} is a readable regular file, for readers that open it themselves. */
  public static Path requireFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file.toString(), "", "is a directory; give a file");
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException(file.toString(), "", "no such file");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(file.toString(), "", "permission denied");
    }
    return file;
  }

  /**
   * What went wrong with a file, in words: the JDK's file exceptions carry only the path in
   * their message when the reason is their class (an existing file where a directory is to be
   * made says just the path).
   */
  public static InvalidInputException problem(String file, IOException e) {
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "already exists (and is in the way)";
    } else if (e instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      what = f.getReason();
    } else {
      what = String.valueOf(e.getMessage());
    }
    return new InvalidInputException(file, "", what, e);
  }

  /**
   * Decodes strict UTF-8 (one leading byte order mark skipped), naming the line and the byte
   * where it is not.
   */
  private static String utf8(String source, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return StrictUtf8.decodeDocument(in);
    } catch (CharacterCodingException e) {
      int at = in.position();
      throw new InvalidInputException(source, "line " + lineOf(bytes, at), String.format(Locale.ROOT,
          "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[Math.min(at, bytes.length - 1)] & 0xff));
    }
  }

  private static long lineOf(byte[] bytes, int at) {
    long line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
