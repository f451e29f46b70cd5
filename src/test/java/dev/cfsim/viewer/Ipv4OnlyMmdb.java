package dev.cfsim.viewer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a one-node IPv4-only MaxMind DB (metadata ip_version 4) whose every address maps to one
 * record, following the MaxMind DB format spec 2.0. The ip-location-db {@code -ipv4} files are
 * megabytes; this keeps the test data a few hundred bytes built in the test.
 */
final class Ipv4OnlyMmdb {
  private Ipv4OnlyMmdb() {}

  static Path write(Path dir, String databaseType, Map<String, Object> record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // One node, 24-bit records: both branches point at the data section's offset 0, which is
    // node_count (1) + 16 (the separator) + 0 = 17.
    out.writeBytes(new byte[] {0, 0, 17, 0, 0, 17});
    out.writeBytes(new byte[16]);
    encode(record, out);
    out.writeBytes(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
    out.writeBytes("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
    encode(Map.of(
        "binary_format_major_version", new Uint16(2),
        "binary_format_minor_version", new Uint16(0),
        "build_epoch", new Uint64(1_700_000_000L),
        "database_type", databaseType,
        "description", Map.of("en", "IPv4-only test database"),
        "ip_version", new Uint16(4),
        "languages", List.of("en"),
        "node_count", new Uint32(1),
        "record_size", new Uint16(24)), out);
    Path file = dir.resolve(databaseType + "-ipv4.mmdb");
    Files.write(file, out.toByteArray());
    return file;
  }

  record Uint16(int value) {}

  record Uint32(long value) {}

  record Uint64(long value) {}

  private static void encode(Object value, ByteArrayOutputStream out) {
    if (value instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      control(2, b.length, out);
      out.writeBytes(b);
    } else if (value instanceof Map<?, ?> m) {
      control(7, m.size(), out);
      m.forEach((k, v) -> {
        encode(k, out);
        encode(v, out);
      });
    } else if (value instanceof List<?> l) {
      control(11, l.size(), out);
      l.forEach(v -> encode(v, out));
    } else if (value instanceof Uint16 u) {
      unsigned(5, u.value(), out);
    } else if (value instanceof Uint32 u) {
      unsigned(6, u.value(), out);
    } else if (value instanceof Uint64 u) {
      unsigned(9, u.value(), out);
    } else {
      throw new IllegalArgumentException("cannot encode " + value);
    }
  }

  private static void unsigned(int type, long value, ByteArrayOutputStream out) {
    int size = 0;
    for (long v = value; v != 0; v >>>= 8) {
      size++;
    }
    control(type, size, out);
    for (int i = size - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  /** Type in the top 3 bits (types above 7 in an extra byte), size under 29 in the low 5. */
  private static void control(int type, int size, ByteArrayOutputStream out) {
    if (size >= 29) {
      throw new IllegalArgumentException("size " + size);
    }
    if (type <= 7) {
      out.write(type << 5 | size);
    } else {
      out.write(size);
      out.write(type - 7);
    }
  }
}
