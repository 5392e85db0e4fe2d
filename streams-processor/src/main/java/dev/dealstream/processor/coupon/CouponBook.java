package dev.dealstream.processor.coupon;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.coupon.UserCoupon;
import dev.dealstream.topics.coupon.UserCoupons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public Optional<HeldCoupon> find(String couponId) {
        return coupons.stream().filter(held -> held.coupon().couponId().equals(couponId)).findFirst();
    }

    /** This book with coupon {@code couponId} (which it holds) set to {@code status}. */
    public CouponBook with(String couponId, CouponStatus status) {
        if (status == CouponStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is never stored, it is read off the coupon");
        }
        if (find(couponId).isEmpty()) {
            throw new IllegalStateException("user " + userId + " holds no coupon " + couponId);
        }
        return new CouponBook(userId, coupons.stream()
                .map(held -> held.coupon().couponId().equals(couponId) ? new HeldCoupon(held.coupon(), status) : held)
                .toList());
    }

    /** The coupons as the user sees them at {@code now}: an available coupon past its expiry is EXPIRED. */
    public UserCoupons view(Instant now) {
        return new UserCoupons(userId, coupons.stream().map(held -> UserCoupon.of(held.coupon(),
                held.status() == CouponStatus.AVAILABLE && held.coupon().expiredAt(now) ? CouponStatus.EXPIRED : held.status()))
                .toList());
    }
}
