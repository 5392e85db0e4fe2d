package dev.dealstream.topics;

import java.time.Duration;
import java.util.Map;

/**
 * How one topic is created: its name, partition count, cleanup policy and (for deleting topics)
 * retention. Replication is a property of the cluster it is created on, not of the contract.
 */
public record TopicSpec(String name, int partitions, Cleanup cleanup, Duration retention) {

    public enum Cleanup { DELETE, COMPACT }

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + name);
        }
    }

    /** Topic-level configs to create the topic with. */
    public Map<String, String> configs() {
        if (cleanup == Cleanup.COMPACT) {
            return Map.of("cleanup.policy", "compact");
        }
        return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }
}
