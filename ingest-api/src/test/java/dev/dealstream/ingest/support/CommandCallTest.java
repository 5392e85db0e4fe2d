package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandCallTest {

    @Test
    void aJsonBodyIsReadAsJson() {
        assertThat(call("application/json", "{\"amount\":5000}").body().get("amount").longValue()).isEqualTo(5000);
        assertThat(call("Application/JSON; charset=UTF-8", "{}").body().isObject()).isTrue();
        assertThat(call("application/merge-patch+json", "[1]").body().isArray()).isTrue();
    }

    @Test
    void aBodyNotSentAsJsonIsAnUnsupportedMediaType() {
        for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonl", null}) {
            assertRefused(call(contentType, "{}"), ReasonCode.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void aMissingOrUnreadableBodyIsMalformed() {
        for (String body : new String[] {"", "{\"amount\":", "not json", "   "}) {
            assertRefused(call("application/json", body), ReasonCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void anEndpointThatReadsNoBodyRefusesNone() {
        CommandCall cancel = new CommandCall(Map.of("orderId", "7-3"), "r1", null, new byte[0]);

        assertThat(cancel.pathVariable("orderId")).isEqualTo("7-3");
        assertThat(cancel.requestId()).isEqualTo("r1");
    }

    private static CommandCall call(String contentType, String body) {
        return new CommandCall(Map.of(), "r1", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(CommandCall call, ReasonCode code) {
        assertThatThrownBy(call::body).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
