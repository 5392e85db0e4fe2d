package dev.dealstream.topics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionerTest {

    @Test
    void placesKeysWhereTheProducerDoes() {
        for (int user = 1; user <= 5_000; user++) {
            String key = Integer.toString(user);
            assertThat(KeyPartitioner.partitionOf(key, 12))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 12));
        }
    }
}
