package dev.dealstream.processor.coupon;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.coupon.UserCoupon;
import dev.dealstream.topics.coupon.UserCoupons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The coupons one user holds, as kept in the user's task, oldest first. A user holds at most one
 * coupon per campaign, so the list stays short. Stored statuses are AVAILABLE, RESERVED and USED;
 * expiry is read off the coupon when it is looked at.
 */
public record CouponBook(UserId userId, List<HeldCoupon> coupons) {

    public record HeldCoupon(Coupon coupon, CouponStatus status) {
    }

    public CouponBook {
        coupons = List.copyOf(coupons);
    }

    public static CouponBook empty(UserId userId) {
        return new CouponBook(userId, List.of());
    }

    /** This book with {@code coupon} added as available; unchanged if it already holds that coupon. */
    public CouponBook receive(Coupon coupon) {
        if (coupons.stream().anyMatch(held -> held.coupon().couponId().equals(coupon.couponId()))) {
            return this;
        }
        List<HeldCoupon> received = new ArrayList<>(coupons);
        received.add(new HeldCoupon(coupon, CouponStatus.AVAILABLE));
        return new CouponBook(userId, received);
    }

    /** The coupons as the user sees them at {@code now}: an available coupon past its expiry is EXPIRED. */
    public UserCoupons view(Instant now) {
        return new UserCoupons(userId, coupons.stream().map(held -> UserCoupon.of(held.coupon(),
                held.status() == CouponStatus.AVAILABLE && held.coupon().expiredAt(now) ? CouponStatus.EXPIRED : held.status()))
                .toList());
    }
}
