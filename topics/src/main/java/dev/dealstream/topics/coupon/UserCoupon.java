package dev.dealstream.topics.coupon;

import java.time.Instant;

/** One of a user's coupons with its status, as the user's coupon list shows it. */
public record UserCoupon(String couponId, CampaignId campaignId, DiscountType discountType, long discountValue,
                         Long maxDiscount, long minOrderAmount, Instant expiresAt, Instant issuedAt,
                         CouponStatus status) {

    public static UserCoupon of(Coupon coupon, CouponStatus status) {
        return new UserCoupon(coupon.couponId(), coupon.campaignId(), coupon.discountType(), coupon.discountValue(),
                coupon.maxDiscount(), coupon.minOrderAmount(), coupon.expiresAt(), coupon.issuedAt(), status);
    }
}
