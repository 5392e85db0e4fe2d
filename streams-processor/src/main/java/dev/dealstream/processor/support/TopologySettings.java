package dev.dealstream.processor.support;

import dev.dealstream.topics.wallet.ChargeLimits;
import java.time.Duration;

/**
 * What the topology's decisions depend on. {@code requestRetention} is how long a request id is
 * remembered: a retry within it gets the first outcome back, and its outcome can be looked up.
 * {@code orderTimeout} is how long an order waits for its products' stock replies before it is
 * compensated and rejected with {@code ORDER_TIMED_OUT}. {@code rankingPublishInterval} is how often
 * each ranking partition publishes its top products.
 */
public record TopologySettings(ChargeLimits chargeLimits, Duration requestRetention, Duration orderTimeout,
                               Duration rankingPublishInterval) {

    public static final TopologySettings DEFAULT = new TopologySettings(
            ChargeLimits.DEFAULT, Duration.ofDays(1), Duration.ofSeconds(10), Duration.ofSeconds(1));
}
