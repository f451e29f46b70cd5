package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.viewer.CloudFrontHeader;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippingTest {

  @Test
  void the_policy_step_names_each_header_read_and_which_only_an_origin_request_policy_can_add() {
    // function-facts §3: Viewer-Address, Viewer-ASN, JA3 (and JA4, Viewer-TLS) cannot go in a cache policy
    List<String> note = Shipping.policyNote(EnumSet.of(CloudFrontHeader.VIEWER_COUNTRY,
        CloudFrontHeader.VIEWER_ASN, CloudFrontHeader.VIEWER_JA3_FINGERPRINT));
    assertEquals("#    The rules read CloudFront-Viewer-ASN, CloudFront-Viewer-Country and CloudFront-Viewer-JA3-Fingerprint:",
        note.get(0));
    assertEquals("#    CloudFront adds them only when the behavior's origin request policy (or cache policy) names them;"
        + " CloudFront-Viewer-ASN, CloudFront-Viewer-JA3-Fingerprint only in an origin request policy.", note.get(1));
    assertEquals("#    CloudFront adds it only when the behavior's origin request policy (or cache policy) names it.",
        Shipping.policyNote(EnumSet.of(CloudFrontHeader.IS_MOBILE_VIEWER)).get(1));
    assertEquals(List.of(), Shipping.policyNote(EnumSet.noneOf(CloudFrontHeader.class)));
  }
}
