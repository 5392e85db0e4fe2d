package dev.dealstream.topics.support;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition a string key lands on, the same way Kafka's default producer partitioner and
 * Kafka Streams place it (murmur2 of the UTF-8 key). The query API uses it to find a key's owner.
 */
public final class KeyPartitioner {

    private KeyPartitioner() {
    }

    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
