package dev.dealstream.processor.coupon;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.coupon.UserCoupon;
import dev.dealstream.topics.coupon.UserCoupons;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One coupon a user holds, as kept in the user's task under {@link CouponTopology#heldCouponKey}.
 * Stored statuses are AVAILABLE, RESERVED and USED; expiry is read off the coupon when it is looked at.
 */
public record HeldCoupon(Coupon coupon, CouponStatus status) {

    private static final Comparator<HeldCoupon> OLDEST_FIRST = Comparator
            .comparing((HeldCoupon held) -> held.coupon().issuedAt())
            .thenComparing(held -> held.coupon().couponId());

    /** A coupon just issued to its user. */
    public static HeldCoupon received(Coupon coupon) {
        return new HeldCoupon(coupon, CouponStatus.AVAILABLE);
    }

    /** This coupon set to {@code status}. */
    public HeldCoupon with(CouponStatus status) {
        if (status == CouponStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is never stored, it is read off the coupon");
        }
        return new HeldCoupon(coupon, status);
    }

    /** The coupon as the user sees it at {@code now}: an available coupon past its expiry is EXPIRED. */
    public UserCoupon view(Instant now) {
        return UserCoupon.of(coupon, status == CouponStatus.AVAILABLE && coupon.expiredAt(now) ? CouponStatus.EXPIRED : status);
    }

    /** {@code held}, the coupons of one user, as the user sees them at {@code now}: oldest first. */
    public static UserCoupons view(UserId user, List<HeldCoupon> held, Instant now) {
        return new UserCoupons(user, held.stream().sorted(OLDEST_FIRST).map(coupon -> coupon.view(now)).toList());
    }
}
