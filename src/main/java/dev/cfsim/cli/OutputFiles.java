package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files commands write: never one of their inputs or one another (the later write would
 * replace the earlier file and the command would still report success), and a write that fails
 * names the file (the JDK's "No space left on device" names none).
 */
final class OutputFiles {
  /** Symlinks followed at most, as the kernel's own limit. */
  private static final int MAX_LINKS = 40;

  private OutputFiles() {}

  /**
   * Refuses two of {@code files} (named by the options at the same index; null entries are
   * skipped) that are, or once written would be, the same file: equal paths, a path and a
   * symlink to it (even one whose target does not exist yet), or hard links.
   */
  static void requireDistinct(String[] options, Path[] files) {
    for (int i = 0; i < files.length; i++) {
      for (int j = i + 1; j < files.length; j++) {
        if (files[i] != null && files[j] != null && sameFile(files[i], files[j])) {
          throw new InvalidInputException(options[i] + " and " + options[j], "",
              "both name " + files[j] + (files[j].equals(files[i]) ? "" : " (" + files[i] + " is the same file)")
                  + "; give each its own file");
        }
      }
    }
  }

  /** Writes {@code text} as UTF-8, naming the file when the write fails. */
  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), "",
          "cannot write: " + UserFiles.problem(file.toString(), e).problem(), e);
    }
  }

  static boolean sameFile(Path a, Path b) {
    if (target(a).equals(target(b))) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The file a write to {@code p} would reach: symlinks followed even when their target does
   * not exist, and the directory that holds it made real.
   */
  static Path target(Path p) {
    Path at = p.toAbsolutePath().normalize();
    try {
      for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(at); i++) {
        at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
      }
      Path parent = at.getParent();
      if (parent != null && Files.isDirectory(parent) && at.getFileName() != null) {
        at = parent.toRealPath().resolve(at.getFileName());
      }
    } catch (IOException e) {
      // unreadable link or directory: compare what we have
    }
    return at;
  }
}
