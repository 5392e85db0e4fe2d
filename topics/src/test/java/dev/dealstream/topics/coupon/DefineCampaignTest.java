package dev.dealstream.topics.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DefineCampaignTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = START.plusSeconds(3_600);

    @Test
    void acceptsFixedAndCappedPercentCampaigns() {
        assertThat(fixed(1_000, null).violation()).isNull();
        assertThat(percent(100, 5_000L).violation()).isNull();
        assertThat(percent(1, null).violation()).isNull();
    }

    @Test
    void refusesPercentOutsideOneToHundredAndNonPositiveFixedDiscounts() {
        assertThat(percent(0, null).violation()).contains("PERCENT discountValue is 1-100");
        assertThat(percent(101, null).violation()).contains("PERCENT discountValue is 1-100");
        assertThat(fixed(0, null).violation()).contains("FIXED discountValue");
    }

    @Test
    void refusesACapOnFixedCouponsOrACapBelowOneWon() {
        assertThat(fixed(1_000, 500L).violation()).contains("maxDiscount");
        assertThat(percent(10, 0L).violation()).contains("maxDiscount");
    }

    @Test
    void refusesAnEmptyOrBackwardsWindowAndBadQuantitiesOrValidity() {
        assertThat(with(10, START, START, 7).violation()).contains("start before end");
        assertThat(with(10, END, START, 7).violation()).contains("start before end");
        assertThat(with(10, null, END, 7).violation()).contains("start before end");
        assertThat(with(0, START, END, 7).violation()).contains("totalQuantity");
        assertThat(with(10, START, END, 0).violation()).contains("couponValidDays");
    }

    @Test
    void theFingerprintIgnoresRequestIdAndTime() {
        DefineCampaign first = fixed(1_000, null);
        DefineCampaign retried = new DefineCampaign("other", first.campaignId(), first.name(), first.discountType(),
                first.discountValue(), null, 0, 10, START, END, 7, END);

        assertThat(retried.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(percent(10, null).fingerprint()).isNotEqualTo(first.fingerprint());
    }

    private static DefineCampaign fixed(long value, Long cap) {
        return new DefineCampaign("r", new CampaignId(1), "c", DiscountType.FIXED, value, cap, 0, 10, START, END, 7, START);
    }

    private static DefineCampaign percent(long value, Long cap) {
        return new DefineCampaign("r", new CampaignId(1), "c", DiscountType.PERCENT, value, cap, 0, 10, START, END, 7, START);
    }

    private static DefineCampaign with(int quantity, Instant from, Instant until, int validDays) {
        return new DefineCampaign("r", new CampaignId(1), "c", DiscountType.FIXED, 1_000, null, 0, quantity, from, until,
                validDays, START);
    }
}
