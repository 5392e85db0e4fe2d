package dev.dealstream.topics.coupon;

/**
 * Where a user's coupon stands. {@code RESERVED} while an order that uses it is in progress;
 * {@code EXPIRED} is never stored: an unused coupon reads as expired from its expiry on.
 */
public enum CouponStatus {
    AVAILABLE,
    RESERVED,
    USED,
    EXPIRED
}
