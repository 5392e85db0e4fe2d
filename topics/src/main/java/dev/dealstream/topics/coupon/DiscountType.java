package dev.dealstream.topics.coupon;

/** How a coupon's {@code discountValue} reads: won off the order, or a percentage of it. */
public enum DiscountType {
    FIXED,
    PERCENT
}
