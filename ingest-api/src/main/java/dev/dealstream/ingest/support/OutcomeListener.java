package dev.dealstream.ingest.support;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.FollowingConsumers;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every committed outcome from the end of {@code request.outcomes} and hands those this instance
 * waits for to their waiters. No consumer group: each ingest instance reads all partitions, and skips
 * outcomes of other instances by key before parsing them (see docs/architecture.md for how this scales).
 * Starts, and is positioned at the end of the topic, before the web server takes requests.
 */
final class OutcomeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);

    private final Map<String, Object> consumerConfig;
    private final OutcomeWaiters waiters;
    private final Duration startupTimeout;
    private final JsonSerde<Outcome> reader = JsonSerde.of(Outcome.class);
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile Thread thread;

    OutcomeListener(Map<String, Object> kafkaConfig, OutcomeWaiters waiters, Duration startupTimeout) {
        this.consumerConfig = FollowingConsumers.config(kafkaConfig);
        this.waiters = waiters;
        this.startupTimeout = startupTimeout;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "outcome-listener");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(startupTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("could not read " + Topics.REQUEST_OUTCOMES + " within " + startupTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while positioning on " + Topics.REQUEST_OUTCOMES, e);
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> outcomes = new KafkaConsumer<>(consumerConfig)) {
            consumer = outcomes;
            List<TopicPartition> partitions = outcomes.partitionsFor(Topics.REQUEST_OUTCOMES, startupTimeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            outcomes.assign(partitions);
            outcomes.seekToEnd(partitions);
            partitions.forEach(outcomes::position);
            positioned.countDown();
            log.info("Listening for outcomes on {} partitions of {}", partitions.size(), Topics.REQUEST_OUTCOMES);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : outcomes.poll(Duration.ofMillis(500))) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer
        } catch (RuntimeException e) {
            log.error("The outcome listener stopped; calls will answer 202 until restart", e);
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || !waiters.isWaitingFor(record.key())) {
            return;
        }
        try {
            waiters.complete(reader.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            log.warn("Unreadable outcome at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
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

    /** Whether outcomes are being read: if not, every call waits out its time and answers 202. */
    boolean isListening() {
        Thread current = thread;
        return running && positioned.getCount() == 0 && current != null && current.isAlive();
    }

    /** Before the web server starts (it starts in a lower phase than the default), after it stops. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
