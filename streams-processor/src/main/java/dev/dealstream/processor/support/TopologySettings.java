package dev.dealstream.processor.support;

import dev.dealstream.topics.wallet.ChargeLimits;
import java.time.Duration;

/**
 * What the topology's decisions depend on. {@code requestRetention} is how long a request id is
 * remembered: a retry within it gets the first outcome back, and its outcome can be looked up.
 */
public record TopologySettings(ChargeLimits chargeLimits, Duration requestRetention) {

    public static final TopologySettings DEFAULT = new TopologySettings(ChargeLimits.DEFAULT, Duration.ofDays(1));
}
