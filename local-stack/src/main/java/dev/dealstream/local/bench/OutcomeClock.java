package dev.dealstream.local.bench;

import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.IsoInstants;
import dev.dealstream.topics.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Times request → decision: from when a request was due to when its outcome is committed on
 * {@code request.outcomes} and visible to a read_committed consumer, as any client would see it.
 * Also counts decisions per request id, so a second decision for one request shows.
 */
final class OutcomeClock implements AutoCloseable {

    private final Latencies decisions = new Latencies();
    /** The first part of {@link #decisions}: from due to the processor's decision (its {@code decidedAt}). */
    private final Latencies untilDecided = new Latencies();
    /** The rest: from the decision to its outcome being visible, i.e. the wait for the commit. */
    private final Latencies untilVisible = new Latencies();
    final AtomicLong decided = new AtomicLong();
    /** Decisions for a request id that was already decided: must stay 0. */
    final AtomicLong duplicates = new AtomicLong();
    private final Set<String> decidedIds = ConcurrentHashMap.newKeySet();
    /** Request ids whose decision was SUCCEEDED: what the state must reflect. */
    final Set<String> succeeded = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> rejections = new ConcurrentHashMap<>();
    private final Map<String, Long> dueAt = new ConcurrentHashMap<>();
    private final String bootstrapServers;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean measuring;
    private volatile long measuringSince;

    OutcomeClock(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUEST_OUTCOMES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "outcome-clock");
        thread.start();
    }

    /** The broker this clock reads outcomes from: the run's broker. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    void due(String requestId, long dueNanos) {
        dueAt.put(requestId, dueNanos);
    }

    /**
     * Latencies are recorded only for requests due while measuring (a warm-up request decided late is
     * not one of them); decisions are always counted.
     */
    void measure(boolean on) {
        measuringSince = System.nanoTime();
        measuring = on;
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.headers().lastHeader(HeaderNames.REPLAY) != null) {
                    continue;
                }
                long now = System.nanoTime();
                if (!decidedIds.add(record.key())) {
                    duplicates.incrementAndGet();
                    continue;
                }
                Long due = dueAt.remove(record.key());
                if (due == null) {
                    continue; // not one of this run's requests
                }
                decided.incrementAndGet();
                Decision decision = Decision.read(record.value());
                if (decision.rejectedFor() != null) {
                    rejections.computeIfAbsent(decision.rejectedFor(), code -> new AtomicLong()).incrementAndGet();
                } else {
                    succeeded.add(record.key());
                }
                if (measuring && due >= measuringSince) {
                    long totalMicros = (now - due) / 1000;
                    decisions.add(totalMicros);
                    // decidedAt is the processor's wall clock: same machine, so same clock as ours
                    long decidedAgoMicros = (System.currentTimeMillis() - decision.decidedAt().toEpochMilli()) * 1000;
                    untilVisible.add(Math.max(0, Math.min(totalMicros, decidedAgoMicros)));
                    untilDecided.add(Math.max(0, totalMicros - decidedAgoMicros));
                }
            }
        }
        consumer.close();
    }

    /** The decision latency, and how it divides: up to the processor's decision, and from it to the commit. */
    String summary() {
        return decisions.summary() + String.format(Locale.ROOT,
                "; until decided p50 %.1f / p99 %.1f ms; decided → visible p50 %.1f / p99 %.1f ms",
                untilDecided.percentileMillis(50), untilDecided.percentileMillis(99),
                untilVisible.percentileMillis(50), untilVisible.percentileMillis(99));
    }

    /** The decision latency's p99 in each tenth of the measured decisions, in the order they were seen. */
    String p99ByTenth() {
        return decisions.p99ByTenth();
    }

    /**
     * What the clock needs of an outcome (refused with which code, decided when), read from its JSON
     * without building the outcome: the clock shares the cores it measures, and binding every outcome
     * was a third of its CPU.
     */
    private record Decision(String rejectedFor, Instant decidedAt) {

        static Decision read(byte[] json) {
            String status = null;
            String code = null;
            Instant decidedAt = null;
            try (JsonParser parser = Json.mapper().createParser(json)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "status" -> status = parser.getString();
                        case "code" -> code = parser.getString();
                        case "decidedAt" -> decidedAt = IsoInstants.parse(parser.getString()).orElseThrow();
                        default -> parser.skipChildren();
                    }
                }
            }
            if (status == null || decidedAt == null) {
                throw new IllegalStateException("not an outcome: " + new String(json, StandardCharsets.UTF_8));
            }
            return new Decision("REJECTED".equals(status) ? code : null, decidedAt);
        }
    }

    int undecided() {
        return dueAt.size();
    }

    Set<String> undecidedIds() {
        return Set.copyOf(dueAt.keySet());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
