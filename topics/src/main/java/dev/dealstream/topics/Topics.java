package dev.dealstream.topics;

import dev.dealstream.topics.TopicSpec.Cleanup;
import java.time.Duration;
import java.util.List;

/**
 * Every topic Dealstream reads or writes, with the key it is partitioned by.
 *
 * <p>Topics keyed by userId are co-partitioned (same partition count, default partitioner), so a
 * user's registration, charges, coupons and orders meet in one stream task; so are the topics keyed
 * by productId.
 */
public final class Topics {

    /** Admin commands that register or rename a user. Key: userId. */
    public static final String USER_COMMANDS = "catalog.user-commands";
    /** The current version of every registered user (compacted). Key: userId. */
    public static final String USERS = "catalog.users";
    /** Charge requests. Key: userId. */
    public static final String WALLET_COMMANDS = "wallet.commands";
    /** One entry per balance change (charge, payment, refund). Key: userId. */
    public static final String WALLET_LEDGER = "wallet.ledger";
    /** Admin commands that define or change a coupon campaign. Key: campaignId. */
    public static final String CAMPAIGN_COMMANDS = "coupon.campaign-commands";
    /** The current definition of every coupon campaign (compacted). Key: campaignId. */
    public static final String COUPON_CAMPAIGNS = "catalog.coupon-campaigns";
    /** First-come coupon requests. Key: campaignId, so one task decides each campaign in arrival order. */
    public static final String COUPON_ISSUE_REQUESTS = "coupon.issue-requests";
    /** Every coupon issued, re-keyed to its owner. Key: userId. */
    public static final String COUPON_ISSUED = "coupon.issued";
    /** Admin commands that add, rename or reprice a product. Key: productId. */
    public static final String PRODUCT_COMMANDS = "catalog.product-commands";
    /** Admin commands that put a product on sale for a while. Key: productId, so one task sees all its sales. */
    public static final String TIME_SALE_COMMANDS = "catalog.time-sale-commands";
    /** The current catalog entry (name, price, time sales) of every product (compacted). Key: productId. */
    public static final String PRODUCTS = "catalog.products";
    /** Restocks and stock corrections. Key: productId. */
    public static final String STOCK_ADJUSTMENTS = "inventory.adjustments";
    /** Place and cancel orders. Key: userId, so the user's task owns balance, coupons and the order. */
    public static final String ORDER_REQUESTS = "order.requests";
    /** Saga steps from an order's user to its products: reserve, commit, release, return. Key: productId. */
    public static final String STOCK_REQUESTS = "order.stock-requests";
    /** The products' answers to reservations, back to the order's user. Key: userId. */
    public static final String STOCK_REPLIES = "order.stock-replies";
    /** Orders confirmed and cancelled. Key: orderId. */
    public static final String ORDER_EVENTS = "order.events";
    /** Each ranking partition's current top products (compacted, one partition). Key: the partition number. */
    public static final String RANKING_PARTITION_TOPS = "ranking.partition-tops";
    /** The merged top products every reader holds (compacted, one partition, one key). */
    public static final String POPULAR_PRODUCTS = "ranking.popular-products";
    /** Exactly one decided outcome per command; replays carry {@link HeaderNames#REPLAY}. Key: requestId. */
    public static final String REQUEST_OUTCOMES = "request.outcomes";

    /** Suffix of the dead-letter topic beside each command topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final int DEFAULT_PARTITIONS = 12;
    public static final Duration COMMAND_RETENTION = Duration.ofDays(7);
    public static final Duration OUTCOME_RETENTION = Duration.ofDays(1);

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The specs of every topic, with {@code partitions} for each partitioned stream. */
    public static List<TopicSpec> all(int partitions) {
        return List.of(
                new TopicSpec(USER_COMMANDS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(USER_COMMANDS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(USERS, partitions, Cleanup.COMPACT, null),
                new TopicSpec(WALLET_COMMANDS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(WALLET_COMMANDS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(WALLET_LEDGER, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(CAMPAIGN_COMMANDS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(CAMPAIGN_COMMANDS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(COUPON_CAMPAIGNS, partitions, Cleanup.COMPACT, null),
                new TopicSpec(COUPON_ISSUE_REQUESTS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(COUPON_ISSUE_REQUESTS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(COUPON_ISSUED, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(COUPON_ISSUED), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(PRODUCT_COMMANDS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(PRODUCT_COMMANDS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(TIME_SALE_COMMANDS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(TIME_SALE_COMMANDS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(PRODUCTS, partitions, Cleanup.COMPACT, null),
                new TopicSpec(STOCK_ADJUSTMENTS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(STOCK_ADJUSTMENTS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(ORDER_REQUESTS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(ORDER_REQUESTS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(STOCK_REQUESTS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(STOCK_REQUESTS), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(STOCK_REPLIES, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(deadLetterTopicOf(STOCK_REPLIES), partitions, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(ORDER_EVENTS, partitions, Cleanup.DELETE, COMMAND_RETENTION),
                // one partition: a single task merges all partitions' tops
                new TopicSpec(RANKING_PARTITION_TOPS, 1, Cleanup.COMPACT, null),
                new TopicSpec(deadLetterTopicOf(RANKING_PARTITION_TOPS), 1, Cleanup.DELETE, COMMAND_RETENTION),
                new TopicSpec(POPULAR_PRODUCTS, 1, Cleanup.COMPACT, null),
                new TopicSpec(REQUEST_OUTCOMES, partitions, Cleanup.DELETE, OUTCOME_RETENTION));
    }
}
