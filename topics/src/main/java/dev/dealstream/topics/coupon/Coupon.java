package dev.dealstream.topics.coupon;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.OutcomeResult;
import java.time.Duration;
import java.time.Instant;

/**
 * A coupon issued to one user, with the terms of its campaign at the time of issue. The result of a
 * successful issue request and the value of {@code coupon.issued} (keyed by userId, so it reaches the
 * user's task). {@code couponId} is the campaign id and the coupon's issue number, e.g. {@code 7-10000}.
 */
public record Coupon(String couponId, CampaignId campaignId, UserId userId, DiscountType discountType,
                     long discountValue, Long maxDiscount, long minOrderAmount, Instant expiresAt, Instant issuedAt)
        implements OutcomeResult {

    /** The coupon number {@code number} of {@code campaign}, issued to {@code user} at {@code now}. */
    public static Coupon issue(Campaign campaign, int number, UserId user, Instant now) {
        return new Coupon(campaign.campaignId() + "-" + number, campaign.campaignId(), user, campaign.discountType(),
                campaign.discountValue(), campaign.maxDiscount(), campaign.minOrderAmount(),
                now.plus(Duration.ofDays(campaign.couponValidDays())), now);
    }

    public boolean expiredAt(Instant time) {
        return !time.isBefore(expiresAt);
    }
}
