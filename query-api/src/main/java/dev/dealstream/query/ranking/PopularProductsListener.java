package dev.dealstream.query.ranking;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.ranking.PopularProducts;
import dev.dealstream.topics.support.FollowingConsumers;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the latest merged ranking, read from {@code ranking.popular-products} (one compacted partition,
 * no consumer group), so that a read is answered from memory: no store scan, no call to a processor.
 * Until it has read up to where the topic ended when it started, it holds nothing, never an old version.
 */
final class PopularProductsListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PopularProductsListener.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.POPULAR_PRODUCTS, 0);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Map<String, Object> consumerConfig;
    private final JsonSerde<PopularProducts> reader = JsonSerde.of(PopularProducts.class);
    /** The ranking's JSON as the merge published it; null until caught up. */
    private volatile byte[] latest;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;

    PopularProductsListener(Map<String, Object> kafkaConfig) {
        this.consumerConfig = FollowingConsumers.config(kafkaConfig);
    }

    /** The current ranking as JSON, or empty while it has not been read yet. */
    Optional<byte[]> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "popular-products-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> rankings = new KafkaConsumer<>(consumerConfig)) {
                consumer = rankings;
                follow(rankings);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Reading {} failed; retrying in {}", Topics.POPULAR_PRODUCTS, RETRY_PAUSE, e);
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> rankings) {
        rankings.assign(List.of(PARTITION));
        rankings.seekToBeginning(List.of(PARTITION));
        long endAtStart = rankings.endOffsets(List.of(PARTITION)).get(PARTITION);
        byte[] newest = null;
        boolean caughtUp = false;
        while (running) {
            for (ConsumerRecord<String, byte[]> record : rankings.poll(Duration.ofMillis(500))) {
                if (isReadable(record)) {
                    newest = record.value();
                }
            }
            if (!caughtUp && rankings.position(PARTITION) >= endAtStart) {
                caughtUp = true;
                log.info("Serving the popular products from {}", Topics.POPULAR_PRODUCTS);
            }
            if (caughtUp) {
                latest = newest;
            }
        }
    }

    private boolean isReadable(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            reader.deserialize(record.topic(), record.value());
            return true;
        } catch (SerializationException e) {
            log.warn("Unreadable ranking at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
