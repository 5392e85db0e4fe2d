package dev.dealstream.topics;

import java.util.List;

/** Names of the processor's stores that the query API reads through the processors' internal endpoint. */
public final class QueryableStores {

    /** Wallets by userId. */
    public static final String WALLETS = "wallets";
    /** Coupon campaigns with their issued counts, by campaignId. */
    public static final String COUPON_CAMPAIGNS = "coupon-campaigns";
    /** The coupons users hold, one entry per coupon, keyed "userId:couponId" (in the user's task). */
    public static final String HELD_COUPONS = "held-coupons";
    /** Products (catalog entry with its stock) by productId. */
    public static final String PRODUCTS = "products";
    /** Orders by orderId, in the task of the order's user. */
    public static final String ORDERS = "orders";
    /**
     * The request logs, each by requestId: a request's outcome is in the log of the task that decided
     * it (its user's, product's or campaign's), so a lookup by request id alone asks all of them.
     */
    public static final List<String> REQUEST_LOGS =
            List.of("account-request-log", "product-request-log", "campaign-request-log");

    private QueryableStores() {
    }
}
