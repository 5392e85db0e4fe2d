package dev.dealstream.topics.coupon;

import dev.dealstream.topics.UserId;
import java.util.List;

/** A user's coupons, oldest first: the answer of {@code GET /api/v1/users/{userId}/coupons}. */
public record UserCoupons(UserId userId, List<UserCoupon> coupons) {
}
