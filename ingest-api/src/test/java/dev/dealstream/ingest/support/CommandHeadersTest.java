package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.ApiException;
import org.junit.jupiter.api.Test;

class CommandHeadersTest {

    @Test
    void aValidIdempotencyKeyIsTheRequestId() {
        assertThat(CommandHeaders.requestId("order-7:retry#1")).isEqualTo("order-7:retry#1");
        assertThat(CommandHeaders.requestId("x".repeat(64))).hasSize(64);
    }

    @Test
    void withoutAKeyTheApiMakesOne() {
        assertThat(CommandHeaders.requestId(null)).hasSize(36).isNotEqualTo(CommandHeaders.requestId(null));
    }

    @Test
    void rejectsEmptyOverlongOrNonVisibleKeys() {
        for (String key : new String[] {"", "x".repeat(65), "has space", "tab\t", "é"}) {
            assertThatThrownBy(() -> CommandHeaders.requestId(key))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ReasonCode.INVALID_IDEMPOTENCY_KEY));
        }
    }

    @Test
    void respondAsyncIsFoundAmongOtherPreferences() {
        assertThat(CommandHeaders.respondAsync("respond-async")).isTrue();
        assertThat(CommandHeaders.respondAsync("return=minimal, respond-async; wait=5")).isTrue();
        assertThat(CommandHeaders.respondAsync("Respond-Async")).isTrue();
        assertThat(CommandHeaders.respondAsync("return=minimal")).isFalse();
        assertThat(CommandHeaders.respondAsync(null)).isFalse();
    }
}
