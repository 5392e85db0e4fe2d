package dev.dealstream.processor.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.coupon.IssueCoupon;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOW = START.plusSeconds(30);
    private static final CampaignId CAMPAIGN = new CampaignId(5);
    private static final UserId USER = new UserId(9);

    @Test
    void issuesTheNextNumberedCouponWithTheCampaignsTermsAndValidity() {
        Campaign campaign = defined(2);

        CampaignDecision decision = Campaigns.issue(campaign, () -> true, null, request(), NOW);

        assertThat(decision).isInstanceOfSatisfying(CampaignDecision.Issued.class, issued -> {
            assertThat(issued.campaign().issuedCount()).isEqualTo(1);
            assertThat(issued.campaign().remaining()).isEqualTo(1);
            Coupon coupon = issued.coupon();
            assertThat(coupon.couponId()).isEqualTo("5-1");
            assertThat(coupon.userId()).isEqualTo(USER);
            assertThat(coupon.discountType()).isEqualTo(DiscountType.FIXED);
            assertThat(coupon.discountValue()).isEqualTo(3_000);
            assertThat(coupon.minOrderAmount()).isEqualTo(20_000);
            assertThat(coupon.issuedAt()).isEqualTo(NOW);
            assertThat(coupon.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        });
    }

    @Test
    void refusesOnePastTheQuota() {
        Campaign full = defined(1).withOneMoreIssued(NOW);

        assertThat(refusal(Campaigns.issue(full, () -> true, null, request(), NOW))).isEqualTo(ReasonCode.SOLD_OUT);
    }

    @Test
    void aHeldCouponIsAnsweredBeforeAnyOtherRefusal() {
        Campaign full = defined(1).withOneMoreIssued(NOW);
        Coupon held = Coupon.issue(full, 1, USER, NOW);
        IssueCoupon afterTheEnd = new IssueCoupon("late", CAMPAIGN, USER, START.plus(Duration.ofDays(2)));

        CampaignDecision decision = Campaigns.issue(full, () -> true, held, afterTheEnd, NOW);

        assertThat(decision).isEqualTo(new CampaignDecision.Refused(ReasonCode.ALREADY_ISSUED,
                "user 9 already holds coupon 5-1", held));
    }

    @Test
    void anUnregisteredUserIsRefusedOnlyWhenACouponWouldBeIssued() {
        Campaign open = defined(1);
        Campaign full = open.withOneMoreIssued(NOW);
        AtomicInteger lookups = new AtomicInteger();
        BooleanSupplier unregistered = () -> {
            lookups.incrementAndGet();
            return false;
        };
        IssueCoupon beforeTheStart = new IssueCoupon("early", CAMPAIGN, USER, START.minusSeconds(1));

        assertThat(refusal(Campaigns.issue(full, unregistered, null, request(), NOW))).isEqualTo(ReasonCode.SOLD_OUT);
        assertThat(refusal(Campaigns.issue(open, unregistered, null, beforeTheStart, NOW)))
                .isEqualTo(ReasonCode.CAMPAIGN_NOT_ACTIVE);
        assertThat(lookups).hasValue(0);
        assertThat(refusal(Campaigns.issue(open, unregistered, null, request(), NOW))).isEqualTo(ReasonCode.USER_NOT_FOUND);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void definingAgainKeepsTheIssuedCountAndFirstDefinitionTime() {
        Campaign issuedTwo = defined(5).withOneMoreIssued(NOW).withOneMoreIssued(NOW);
        Instant later = NOW.plusSeconds(60);

        CampaignDecision decision = Campaigns.define(issuedTwo, definition(2), later);

        assertThat(decision).isInstanceOfSatisfying(CampaignDecision.Defined.class, defined -> {
            assertThat(defined.campaign().issuedCount()).isEqualTo(2);
            assertThat(defined.campaign().remaining()).isZero();
            assertThat(defined.campaign().definedAt()).isEqualTo(START);
            assertThat(defined.campaign().updatedAt()).isEqualTo(later);
        });
        assertThat(refusal(Campaigns.define(issuedTwo, definition(1), later))).isEqualTo(ReasonCode.QUANTITY_BELOW_ISSUED);
    }

    private static Campaign defined(int quantity) {
        return ((CampaignDecision.Defined) Campaigns.define(null, definition(quantity), START)).campaign();
    }

    private static DefineCampaign definition(int quantity) {
        return new DefineCampaign("define", CAMPAIGN, "welcome", DiscountType.FIXED, 3_000, null, 20_000, quantity,
                START, START.plus(Duration.ofDays(1)), 30, START);
    }

    private static IssueCoupon request() {
        return new IssueCoupon("issue", CAMPAIGN, USER, NOW);
    }

    private static ReasonCode refusal(CampaignDecision decision) {
        return ((CampaignDecision.Refused) decision).code();
    }
}
