package dev.dealstream.processor.support;

import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a processor cannot read go, unchanged, to the dead-letter topic beside their source, with
 * the reason and origin in headers. Forwarded inside the task's transaction, so each bad record is
 * dead-lettered exactly once and the processor moves on.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /** The sink node that writes the dead letters of {@code sourceTopic}. */
    public static String sinkOf(String sourceTopic) {
        return Topics.deadLetterTopicOf(sourceTopic) + "-sink";
    }

    public static void addSink(Topology topology, String sourceTopic, String processorName) {
        topology.addSink(sinkOf(sourceTopic), Topics.deadLetterTopicOf(sourceTopic),
                new StringSerializer(), new ByteArraySerializer(), processorName);
    }

    /**
     * Reads the record's value, or dead-letters the record and returns empty when it is unreadable or
     * keyed by something other than {@code keyOf} of its content: such a record sits on a partition
     * whose task does not own its state.
     */
    public static <T> Optional<T> read(ProcessorContext<String, Object> context, Record<String, byte[]> record,
                                       JsonSerde<T> reader, Function<T, String> keyOf) {
        T value;
        try {
            value = reader.deserialize(null, record.value());
        } catch (SerializationException e) {
            forward(context, record, e.getMessage());
            return Optional.empty();
        }
        if (value == null || !keyOf.apply(value).equals(record.key())) {
            forward(context, record, "record key " + record.key() + " does not match its content");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public static void forward(ProcessorContext<String, Object> context, Record<String, byte[]> record, String reason) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(HeaderNames.DLQ_REASON, utf8(reason));
        headers.add(HeaderNames.DLQ_SOURCE_TOPIC, utf8(origin.topic()));
        headers.add(HeaderNames.DLQ_SOURCE_PARTITION, utf8(Integer.toString(origin.partition())));
        headers.add(HeaderNames.DLQ_SOURCE_OFFSET, utf8(Long.toString(origin.offset())));
        log.warn("Dead-lettered {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                sinkOf(origin.topic()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
