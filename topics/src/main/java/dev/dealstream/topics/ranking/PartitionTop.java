package dev.dealstream.topics.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The top products of one partition of the products (their task), best first, as that task published
 * them at {@code asOf}; the value of the compacted {@code ranking.partition-tops} (key: the partition).
 * Every product lives on exactly one partition, so the global top is among the partitions' tops.
 */
public record PartitionTop(int partition, List<PopularProduct> products, Instant asOf) {

    public PartitionTop {
        Objects.requireNonNull(asOf, "asOf");
        products = List.copyOf(products);
    }

    /** The Kafka record key of this partition's top. */
    public static String keyOf(int partition) {
        return Integer.toString(partition);
    }

    public String key() {
        return keyOf(partition);
    }
}
