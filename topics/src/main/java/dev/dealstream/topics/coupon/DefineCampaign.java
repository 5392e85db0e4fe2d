package dev.dealstream.topics.coupon;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * Defines a coupon campaign, or changes one: its discount, how many coupons it issues, when it issues
 * them and how long an issued coupon stays valid. Coupons already issued keep the terms they were
 * issued with. Topic: {@code coupon.campaign-commands}, key: campaignId.
 *
 * @param maxDiscount    the most a {@code PERCENT} coupon takes off an order, or null for no cap
 * @param minOrderAmount the smallest order total the coupon applies to (0: any)
 */
public record DefineCampaign(String requestId, CampaignId campaignId, String name, DiscountType discountType,
                             long discountValue, Long maxDiscount, long minOrderAmount, int totalQuantity,
                             Instant issueStartsAt, Instant issueEndsAt, int couponValidDays, Instant acceptedAt)
        implements Command {

    public static final int MAX_NAME_LENGTH = 100;
    public static final long MAX_FIXED_DISCOUNT = 10_000_000;
    public static final int MAX_QUANTITY = 100_000_000;
    public static final int MAX_VALID_DAYS = 3_650;

    public DefineCampaign {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    /** What is wrong with this definition, or null when it is a valid campaign. */
    public String violation() {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            return "a campaign name has 1-" + MAX_NAME_LENGTH + " characters and is not blank";
        }
        if (discountType == null) {
            return "discountType is FIXED or PERCENT";
        }
        if (discountType == DiscountType.PERCENT && (discountValue < 1 || discountValue > 100)) {
            return "a PERCENT discountValue is 1-100, got " + discountValue;
        }
        if (discountType == DiscountType.FIXED && (discountValue < 1 || discountValue > MAX_FIXED_DISCOUNT)) {
            return "a FIXED discountValue is 1-" + MAX_FIXED_DISCOUNT + " won, got " + discountValue;
        }
        if (maxDiscount != null && (discountType != DiscountType.PERCENT || maxDiscount < 1)) {
            return "maxDiscount caps PERCENT coupons only and is at least 1 won";
        }
        if (minOrderAmount < 0) {
            return "minOrderAmount is 0 or more, got " + minOrderAmount;
        }
        if (totalQuantity < 1 || totalQuantity > MAX_QUANTITY) {
            return "totalQuantity is 1-" + MAX_QUANTITY + ", got " + totalQuantity;
        }
        if (issueStartsAt == null || issueEndsAt == null || !issueStartsAt.isBefore(issueEndsAt)) {
            return "issueStartsAt and issueEndsAt are both given, start before end";
        }
        if (couponValidDays < 1 || couponValidDays > MAX_VALID_DAYS) {
            return "couponValidDays is 1-" + MAX_VALID_DAYS + ", got " + couponValidDays;
        }
        return null;
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("define-campaign", campaignId, name, discountType, discountValue, maxDiscount,
                minOrderAmount, totalQuantity, issueStartsAt, issueEndsAt, couponValidDays);
    }
}
