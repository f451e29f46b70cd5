package dev.cfsim.pricing;

import static dev.cfsim.pricing.CostEngineTest.BOOK;
import static dev.cfsim.pricing.CostEngineTest.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfsim.InvalidInputException;
import dev.cfsim.traffic.TrafficProfileReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The excerpt in src/test/resources/offer is written by hand in the offer file's shape (see its disclaimer). */
class OfferFileImporterTest {
  static final Path EXCERPT = Path.of("src/test/resources/offer/amazoncloudfront-excerpt.json");

  static OfferFileImporter.Result importExcerpt(String text) {
    return OfferFileImporter.importOffer("offer.json", text, BOOK, null);
  }

  static OfferFileImporter.Result importExcerpt() throws Exception {
    return importExcerpt(Files.readString(EXCERPT));
  }

  @Test
  void the_zero_dollar_global_free_tier_skus_set_allowances_and_never_a_price() throws Exception {
    OfferFileImporter.Result r = importExcerpt();
    assertEquals(2, r.skippedFreeTier()); // Global-DataTransfer-Out-Bytes and Global-Requests-Tier1
    PriceBook book = r.book();
    assertUsd("0.085", book.region(PricingRegion.US).dataTransferOut().firstTierPrice()); // not the $0 Global SKU
    assertEquals(7, book.region(PricingRegion.US).dataTransferOut().tiers().size());
    assertUsd("1024", book.freeTier().dataTransferOutGb()); // the Global SKU's 0-1,024 GB range
    assertUsd("10000000", book.freeTier().requests());
    assertUsd("2000000", book.freeTier().functionInvocations()); // the functions SKU's $0 first tier
  }

  @Test
  void offer_prices_per_request_become_the_pages_units() throws Exception {
    PriceBook book = importExcerpt().book();
    assertUsd("0.0075", book.region(PricingRegion.US).requestsHttp().usd()); // 0.00000075 × 10,000
    assertUsd("10000", book.region(PricingRegion.US).requestsHttp().per());
    assertUsd("0.011", book.region(PricingRegion.AP).requestsHttps().usd()); // 0.0000011 × 10,000
    assertUsd("0.10", book.functions().usd()); // 0.0000001 × 1,000,000
    assertUsd("0.008", book.originShieldRate("ap-northeast-2").orElseThrow().usd()); // 0.0000008 × 10,000
    assertUsd("0.01", book.realtimeLogs().usd()); // 0.00000001 × 1,000,000
    assertUsd("0.005", book.invalidations().tiers().get(1).usd());
    assertUsd("0.115", book.region(PricingRegion.AP).dataTransferOut().firstTierPrice());
  }

  @Test
  void a_price_written_with_an_exponent_is_read_exactly() throws Exception {
    String excerpt = Files.readString(EXCERPT);
    assertTrue(excerpt.contains("\"USD\": \"0.0000007500\""));
    PriceBook book = importExcerpt(excerpt.replace("\"USD\": \"0.0000007500\"", "\"USD\": \"7.5E-7\"")).book();
    assertUsd("0.0075", book.region(PricingRegion.US).requestsHttp().usd()); // 7.5 × 10^-7 × 10,000
    book = importExcerpt(excerpt.replace("\"USD\": \"0.0000007500\"", "\"USD\": \"1e-6\"")).book();
    assertUsd("0.01", book.region(PricingRegion.US).requestsHttp().usd());

    InvalidInputException huge = assertThrows(InvalidInputException.class,
        () -> importExcerpt(excerpt.replace("\"USD\": \"0.0000007500\"", "\"USD\": \"1e99\"")));
    assertTrue(huge.getMessage().contains("USD: is too large for a price (got 1e99)"), huge.getMessage());
    InvalidInputException bad = assertThrows(InvalidInputException.class,
        () -> importExcerpt(excerpt.replace("\"USD\": \"0.0000007500\"", "\"USD\": \"1e-6x\"")));
    assertTrue(bad.getMessage().contains("USD: must be a number (got '1e-6x')"), bad.getMessage());
  }

  @Test
  void the_new_book_names_the_offer_file_as_source_and_keeps_what_it_lacks() throws Exception {
    OfferFileImporter.Result r = importExcerpt();
    assertEquals("2026-11-01", r.book().id()); // the offer's publicationDate
    Source s = r.book().region(PricingRegion.AP).dataTransferOut().source();
    assertEquals(OfferFileImporter.OFFER_URL, s.url());
    assertEquals(LocalDate.parse("2026-11-01"), s.read());
    assertTrue(s.note().contains("SKU SKUAPDTO"), s.note());
    assertTrue(r.updated().contains("regions.ap.data_transfer_out"));
    assertTrue(r.kept().contains("regions.jp.data_transfer_out"));
    assertTrue(r.kept().contains("flat_rate_plans"));
    assertEquals(BOOK.region(PricingRegion.JP), r.book().region(PricingRegion.JP));
    assertEquals(BOOK.plans(), r.book().plans());
    assertEquals(List.of("SKUPROXY"), r.ignored()); // proxy requests have no line of their own
  }

  @Test
  void an_imported_book_prices_korea_mall() throws Exception {
    PriceBook book = importExcerpt().book();
    CostEstimate e = CostEngine.estimate(
        TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml")), book, EstimateOptions.AS_PROFILED);
    // DTO: 19,456 billed GB: 10,240 × 0.115 + 9,216 × 0.100 = 1,177.60 + 921.60 = 2,099.20
    assertUsd("2099.20", e.usd(Component.DATA_TRANSFER_OUT));
    assertUsd("470.80", e.usd(Component.REQUESTS_HTTPS)); // 428,000,000 / 10,000 × 0.011
    assertUsd("43.60", e.usd(Component.FUNCTIONS)); // 436,000,000 × 0.10 / 1,000,000
    assertUsd("2613.60", e.totalUsd()); // 2,099.20 + 470.80 + 43.60
  }

  @Test
  void the_written_book_reads_back_unchanged() throws Exception {
    PriceBook book = importExcerpt().book();
    assertEquals(book, PriceBookReader.parse("again.json", PriceBookWriter.toJson(book)));
  }

  @Test
  void an_offer_file_for_another_service_is_refused() throws Exception {
    String text = Files.readString(EXCERPT).replace("\"offerCode\": \"AmazonCloudFront\"", "\"offerCode\": \"AmazonS3\"");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> importExcerpt(text));
    assertEquals("offerCode", e.location());
  }

  @Test
  void a_data_transfer_price_in_another_unit_than_gb_is_refused() throws Exception {
    // per TB read as per GB would bill 1,024 times too little; before, it was imported
    String text = Files.readString(EXCERPT)
        .replaceFirst("(\"endRange\": \"10240\",\\s*)\"unit\": \"GB\"", "$1\"unit\": \"TB\""); // a first tier, US
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> importExcerpt(text));
    assertEquals("offer.json", e.source());
    assertTrue(e.location().endsWith(".priceDimensions.unit"), e.location());
    assertEquals("is 'TB': expected 'GB'", e.problem());
  }

  @Test
  void a_bad_id_is_named_as_the_option_and_must_be_a_whole_date() throws Exception {
    String text = Files.readString(EXCERPT);
    for (String id : List.of("2026-13-01", "2026-11-01x")) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> OfferFileImporter.importOffer("offer.json", text, BOOK, id));
      // before: "offer.json: --id: …", and 2026-11-01x was cut to 2026-11-01
      assertEquals("--id", e.source());
      assertEquals("must be a date, YYYY-MM-DD (got '" + id + "')", e.problem());
    }
  }

  @Test
  void an_offer_with_no_cloudfront_price_is_refused_rather_than_copying_the_base_book() {
    String text = "{\"offerCode\": \"AmazonCloudFront\", \"version\": \"1\", \"publicationDate\": \"2026-11-01T00:00:00Z\","
        + " \"products\": {}, \"terms\": {\"OnDemand\": {}}}";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> importExcerpt(text));
    assertEquals("products", e.location());
    assertTrue(e.problem().startsWith("holds no CloudFront price"), e.problem());
  }

  @Test
  void overlapping_tiers_in_the_offer_are_refused_naming_the_offer_file() throws Exception {
    String text = Files.readString(EXCERPT).replace("\"beginRange\": \"51200\"", "\"beginRange\": \"50000\"");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> importExcerpt(text));
    assertEquals("offer.json", e.source());
    assertTrue(e.problem().contains("overlap"), e.getMessage());
    // the field is the new book's, said as such (it read as a place in the offer file)
    assertTrue(e.problem().startsWith("its prices make an invalid price book: at the book's regions.us.data_transfer_out.tiers["),
        e.problem());
  }

  @Test
  void account_wide_parts_the_offer_prices_are_updated_and_the_others_kept() throws Exception {
    OfferFileImporter.Result r = importExcerpt();
    assertTrue(r.updated().contains("functions"), r.updated().toString());
    assertFalse(r.kept().contains("functions"), r.kept().toString());
    assertTrue(r.kept().contains("kvs_reads"), r.kept().toString()); // the excerpt has no KeyValueStore SKU
    assertFalse(r.kept().contains("regions.ap.data_transfer_out"), r.kept().toString());
  }

  @Test
  void a_free_tier_read_from_the_offer_names_the_offer_as_its_source() throws Exception {
    assertEquals(OfferFileImporter.OFFER_URL, importExcerpt().book().freeTier().source().url());
  }

  @Test
  void the_free_request_allowance_is_taken_from_the_offer() throws Exception {
    // 20,000,000 is not AWS's figure (10,000,000): changed so the offer's value differs from the base book's
    String text = Files.readString(EXCERPT).replace("\"endRange\": \"10000000\"", "\"endRange\": \"20000000\"");
    PriceBook book = importExcerpt(text).book();
    assertUsd("20000000", book.freeTier().requests());
    assertUsd("1024", book.freeTier().dataTransferOutGb()); // the DTO allowance is not the requests SKU's
  }

  @Test
  void zero_priced_skus_located_anywhere_are_free_tier_even_without_the_global_prefix() throws Exception {
    String text = Files.readString(EXCERPT)
        .replace("\"Global-DataTransfer-Out-Bytes\"", "\"DataTransfer-Out-Bytes\"") // fromLocation "Any"
        .replace("\"Global-Requests-Tier1\"", "\"Requests-Tier1\""); // location "Any"
    OfferFileImporter.Result r = importExcerpt(text);
    assertEquals(2, r.skippedFreeTier());
    assertEquals(List.of("SKUPROXY"), r.ignored());
    assertUsd("1024", r.book().freeTier().dataTransferOutGb());
    assertUsd("0.085", r.book().region(PricingRegion.US).dataTransferOut().firstTierPrice()); // never the $0 SKU
  }

  @Test
  void price_dimensions_listed_out_of_order_are_read_by_their_begin_range() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode offer = (ObjectNode) json.readTree(Files.readString(EXCERPT));
    ObjectNode dims = (ObjectNode) offer.get("terms").get("OnDemand").get("SKUUSDTO").get("SKUUSDTO.JRTCKXETXF")
        .get("priceDimensions");
    List<String> names = new ArrayList<>();
    dims.fieldNames().forEachRemaining(names::add);
    ObjectNode reversed = json.createObjectNode();
    for (int i = names.size() - 1; i >= 0; i--) {
      reversed.set(names.get(i), dims.get(names.get(i)));
    }
    ((ObjectNode) offer.get("terms").get("OnDemand").get("SKUUSDTO").get("SKUUSDTO.JRTCKXETXF"))
        .set("priceDimensions", reversed);
    TieredRate us = importExcerpt(json.writeValueAsString(offer)).book().region(PricingRegion.US).dataTransferOut();
    assertUsd("0.085", us.firstTierPrice());
    assertUsd("870.48", us.cost(new BigDecimal("10241"))); // 10,240 × 0.085 + 1 × 0.080
  }

  @Test
  void an_offer_with_only_the_data_transfer_allowance_keeps_the_other_allowances_of_the_base_book() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode offer = (ObjectNode) json.readTree(Files.readString(EXCERPT));
    for (String sku : List.of("SKUGLOBALREQ", "SKUFUNCTIONS")) {
      ((ObjectNode) offer.get("products")).remove(sku);
      ((ObjectNode) offer.get("terms").get("OnDemand")).remove(sku);
    }
    FreeTier free = importExcerpt(json.writeValueAsString(offer)).book().freeTier();
    assertUsd("1024", free.dataTransferOutGb()); // from the offer's Global SKU
    assertEquals(0, BOOK.freeTier().requests().compareTo(free.requests()));
    assertEquals(0, BOOK.freeTier().functionInvocations().compareTo(free.functionInvocations()));
    assertEquals(OfferFileImporter.OFFER_URL, free.source().url());
  }
}
