package dev.cfsim.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PriceBooksTest {
  private static final Path FILE = Path.of("pricing/2025-11-18.json");

  @Test
  void a_shipped_book_is_read_by_its_id_exactly_as_its_file() throws Exception {
    PriceBook book = PriceBooks.shipped("2025-11-18");
    assertEquals("2025-11-18", book.id());
    JsonNode file = new ObjectMapper().readTree(Files.readString(FILE));
    assertEquals(file.get("title").asText(), book.title());
    assertEquals(file.get("notes").size(), book.notes().size());
    assertEquals(PriceBookReader.read(FILE), book);
  }

  @Test
  void a_shipped_books_bytes_are_the_file() throws Exception {
    assertEquals(Files.readString(FILE), new String(PriceBooks.shippedBytes("2025-11-18"), "UTF-8"));
  }

  @Test
  void a_shipped_book_whose_id_is_not_its_file_name_is_refused_naming_both() throws Exception {
    byte[] bytes = PriceBooks.shippedBytes("2025-11-18");
    dev.cfsim.InvalidInputException e = assertThrows(dev.cfsim.InvalidInputException.class,
        () -> PriceBooks.parseShipped("2026-12-01", bytes));
    assertEquals("classpath:pricing/2026-12-01.json", e.source());
    assertEquals("id", e.location());
    assertEquals("is '2025-11-18' but the file is named 2026-12-01.json; shipped books are chosen by file name,"
        + " so name the file 2025-11-18.json or change the id", e.problem());
  }

  @Test
  void an_unknown_shipped_book_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> PriceBooks.shipped("1999-01-01"));
  }

  @Test
  void load_without_a_file_gives_the_newest_shipped_book_and_with_one_reads_it() throws Exception {
    assertEquals(PriceBooks.newest(), PriceBooks.load(null));
    assertEquals(PriceBookReader.read(FILE), PriceBooks.load(FILE));
  }
}
