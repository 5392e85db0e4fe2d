package dev.dealstream.topics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.ChargeWallet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    private final JsonSerde<Outcome> outcomes = JsonSerde.of(Outcome.class);
    private final JsonSerde<ChargeWallet> charges = JsonSerde.of(ChargeWallet.class);

    @Test
    void outcomesKeepTheirKindAndResultType() {
        Outcome succeeded = new Outcome.Succeeded("r1", "f1",
                new ChargeResult("r1", new UserId(7), 5000, 12000, AT), AT);
        Outcome rejected = new Outcome.Rejected("r2", "f2", ReasonCode.USER_NOT_FOUND, "user 9", null, AT);

        assertThat(outcomes.deserialize("t", outcomes.serialize("t", succeeded))).isEqualTo(succeeded);
        assertThat(outcomes.deserialize("t", outcomes.serialize("t", rejected))).isEqualTo(rejected);
        assertThat(new String(outcomes.serialize("t", succeeded), StandardCharsets.UTF_8))
                .contains("\"status\":\"SUCCEEDED\"", "\"userId\":7", "\"chargedAt\":\"2026-11-21T10:00:00Z\"");
    }

    @Test
    void aRefusalKeepsWhatItIsAbout() {
        Coupon held = new Coupon("5-1", new CampaignId(5), new UserId(7), DiscountType.PERCENT, 10, 5_000L, 0,
                AT.plusSeconds(86_400), AT);
        Outcome rejected = new Outcome.Rejected("r3", "f3", ReasonCode.ALREADY_ISSUED, "holds 5-1", held, AT);

        assertThat(outcomes.deserialize("t", outcomes.serialize("t", rejected))).isEqualTo(rejected);
        assertThat(new String(outcomes.serialize("t", rejected), StandardCharsets.UTF_8))
                .contains("\"existing\":{\"kind\":\"coupon\",\"couponId\":\"5-1\"");
    }

    @Test
    void aRepeatedWriteOrReadGivesTheSameAnswerAsAFreshOne() {
        Outcome first = new Outcome.Rejected("r1", "f1", ReasonCode.SOLD_OUT, "all issued", null, AT);
        Outcome second = new Outcome.Rejected("r2", "f2", ReasonCode.SOLD_OUT, "all issued", null, AT);
        byte[] firstBytes = outcomes.serialize("t", first);

        assertThat(outcomes.serialize("t", first)).isEqualTo(firstBytes);
        assertThat(JsonSerde.of(Outcome.class).serialize("t", second)).isNotEqualTo(firstBytes);
        assertThat(outcomes.deserialize("t", firstBytes)).isEqualTo(first);
        assertThat(outcomes.deserialize("t", firstBytes)).isEqualTo(first);
        assertThatThrownBy(() -> charges.deserialize("t", firstBytes)).isInstanceOf(SerializationException.class);
    }

    @Test
    void aStoredValueReadAgainIsNotParsedAgainAfterOtherReadsInBetween() {
        byte[] stored = outcomes.serialize("t", new Outcome.Rejected("r1", "f1", ReasonCode.SOLD_OUT, "all issued", null, AT));
        byte[] command = charges.serialize("t", new ChargeWallet("c1", new UserId(7), 5_000, AT));

        Outcome first = outcomes.deserialize("t", stored);
        charges.deserialize("t", command);

        assertThat(outcomes.deserialize("t", stored)).isSameAs(first);
    }

    @Test
    void aValueReadBackFromTheBytesItWasWrittenToIsNotParsed() {
        Outcome written = new Outcome.Rejected("r1", "f1", ReasonCode.SOLD_OUT, "all issued", null, AT);
        byte[] cached = outcomes.serialize("t", written);
        charges.deserialize("t", charges.serialize("t", new ChargeWallet("c1", new UserId(7), 5_000, AT)));

        assertThat(outcomes.deserialize("t", cached)).isSameAs(written);
    }

    @Test
    void commandWithoutAmountIsUnreadable() {
        assertThatThrownBy(() -> charges.deserialize("t",
                bytes("{\"requestId\":\"r\",\"userId\":7,\"acceptedAt\":\"2026-11-21T10:00:00Z\"}")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void commandWithFractionalOrTextAmountIsUnreadable() {
        assertThatThrownBy(() -> charges.deserialize("t",
                bytes("{\"requestId\":\"r\",\"userId\":7,\"amount\":10.5,\"acceptedAt\":\"2026-11-21T10:00:00Z\"}")))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> charges.deserialize("t",
                bytes("{\"requestId\":\"r\",\"userId\":7,\"amount\":\"5000\",\"acceptedAt\":\"2026-11-21T10:00:00Z\"}")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void commandWithoutRequestIdOrWithBadUserIsUnreadable() {
        assertThatThrownBy(() -> charges.deserialize("t",
                bytes("{\"userId\":7,\"amount\":5000,\"acceptedAt\":\"2026-11-21T10:00:00Z\"}")))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> charges.deserialize("t",
                bytes("{\"requestId\":\"r\",\"userId\":0,\"amount\":5000,\"acceptedAt\":\"2026-11-21T10:00:00Z\"}")))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> charges.deserialize("t", bytes("not json")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void sameContentGivesSameFingerprintWhateverTheRequestId() {
        ChargeWallet first = new ChargeWallet("a", new UserId(7), 5000, AT);
        assertThat(new ChargeWallet("b", new UserId(7), 5000, AT.plusSeconds(1)).fingerprint())
                .isEqualTo(first.fingerprint());
        assertThat(new ChargeWallet("a", new UserId(7), 5001, AT).fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(new ChargeWallet("a", new UserId(8), 5000, AT).fingerprint()).isNotEqualTo(first.fingerprint());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
