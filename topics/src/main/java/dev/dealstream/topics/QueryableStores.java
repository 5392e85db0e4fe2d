package dev.dealstream.topics;

/** Names of the processor's stores that the query API reads through the processors' internal endpoint. */
public final class QueryableStores {

    /** Wallets by userId. */
    public static final String WALLETS = "wallets";
    /** Coupon campaigns with their issued counts, by campaignId. */
    public static final String COUPON_CAMPAIGNS = "coupon-campaigns";
    /** Each user's coupons, by userId. */
    public static final String USER_COUPONS = "user-coupons";
    /** Products (catalog entry with its stock) by productId. */
    public static final String PRODUCTS = "products";
    /** Orders by orderId, in the task of the order's user. */
    public static final String ORDERS = "orders";
    /** Request outcomes by requestId. */
    public static final String REQUEST_OUTCOMES = "request-outcomes";

    private QueryableStores() {
    }
}
