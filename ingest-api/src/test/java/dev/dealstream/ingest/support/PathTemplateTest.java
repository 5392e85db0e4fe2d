package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private final PathTemplate cancel = PathTemplate.of("/api/v1/orders/{orderId}/cancel");

    @Test
    void aMatchingPathGivesItsNamedSegmentsAndItsQueryIsLeftOut() {
        assertThat(cancel.variables("/api/v1/orders/7-3/cancel")).isEqualTo(Map.of("orderId", "7-3"));
        assertThat(cancel.variables("/api/v1/orders/7-3/cancel?reason=late")).isEqualTo(Map.of("orderId", "7-3"));
        assertThat(PathTemplate.of("/api/v1/orders").variables("/api/v1/orders")).isEmpty();
    }

    @Test
    void anotherLiteralAnotherLengthOrAnEmptySegmentIsNotAMatch() {
        assertThat(cancel.matches("/api/v1/orders/7-3/refund")).isFalse();
        assertThat(cancel.matches("/api/v1/orders/7-3")).isFalse();
        assertThat(cancel.matches("/api/v1/orders/7-3/cancel/")).isFalse();
        assertThat(cancel.matches("/api/v1/orders//cancel")).isFalse();
        assertThat(cancel.matches("/api/v2/orders/7-3/cancel")).isFalse();
    }
}
