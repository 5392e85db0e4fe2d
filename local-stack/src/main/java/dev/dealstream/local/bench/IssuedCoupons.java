package dev.dealstream.local.bench;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The committed contents of {@code coupon.issued}, read back to check a benchmark's quotas. */
final class IssuedCoupons {

    private IssuedCoupons() {
    }

    /**
     * The users holding each coupon of the given campaigns, by campaign and coupon id. A coupon id
     * seen twice counts as a second user (a value of -1), so a duplicate cannot hide.
     */
    static Map<Long, Map<String, Long>> read(String bootstrapServers, Set<Long> campaigns) {
        JsonSerde<Coupon> reader = JsonSerde.of(Coupon.class);
        Map<Long, Map<String, Long>> holders = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COUPON_ISSUED).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Coupon coupon = reader.deserialize(record.topic(), record.value());
                    if (campaigns.contains(coupon.campaignId().value())) {
                        holders.computeIfAbsent(coupon.campaignId().value(), campaign -> new HashMap<>())
                                .merge(coupon.couponId(), coupon.userId().value(), (first, second) -> -1L);
                    }
                }
            }
        }
        return holders;
    }
}
