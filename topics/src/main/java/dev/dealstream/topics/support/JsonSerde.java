package dev.dealstream.topics.support;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Kafka serde for one record type, using {@link Json#mapper()}.
 *
 * <p>A stream thread often writes one value twice (an outcome to the request log and to
 * {@code request.outcomes}, through two serdes) and reads one stored value over and over (a hot
 * campaign, served from the store's cache as the same byte array until it changes). Each thread
 * remembers its last write of any serde, and each serde its last read and last write on each thread,
 * by identity, and answers a repeat without JSON: values are immutable records, and Kafka and the
 * stores never change a byte array once it is handed over. A serde answers a read of the bytes it
 * last wrote with the value it wrote: a campaign put into the store's cache comes back as those bytes
 * on the next request. Reads are remembered per serde because a thread reads other values in between:
 * a command before every campaign lookup.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private record Memo(Class<?> type, Object value, byte[] bytes) {
    }

    private static final ThreadLocal<Memo> LAST_WRITTEN = new ThreadLocal<>();

    private final Class<T> type;
    private final ThreadLocal<Memo> lastRead = new ThreadLocal<>();
    private final ThreadLocal<Memo> lastWritten = new ThreadLocal<>();
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Memo last = LAST_WRITTEN.get();
        if (last != null && last.value() == data && last.type() == type) {
            return last.bytes();
        }
        try {
            byte[] bytes = writer.writeValueAsBytes(data);
            Memo written = new Memo(type, data, bytes);
            LAST_WRITTEN.set(written);
            lastWritten.set(written);
            return bytes;
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Memo read = lastRead.get();
        if (read != null && read.bytes() == data) {
            return type.cast(read.value());
        }
        Memo written = lastWritten.get();
        if (written != null && written.bytes() == data) {
            return type.cast(written.value());
        }
        try {
            T value = reader.readValue(data);
            lastRead.set(new Memo(type, value, data));
            return value;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // record constructors reject missing fields with NPE/IAE; Jackson may wrap or pass them
            throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured by construction
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
