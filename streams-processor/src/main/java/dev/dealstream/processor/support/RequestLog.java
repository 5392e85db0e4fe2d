package dev.dealstream.processor.support;

import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The outcomes decided for request ids, kept for the request retention. A window store, so old
 * entries go away a whole segment at a time instead of by scanning.
 */
public final class RequestLog {

    private final WindowStore<String, Outcome> store;

    public RequestLog(WindowStore<String, Outcome> store) {
        this.store = store;
    }

    public static StoreBuilder<WindowStore<String, Outcome>> storeBuilder(String name, Duration retention) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention, retention, false),
                Serdes.String(), JsonSerde.of(Outcome.class));
    }

    public Optional<Outcome> find(String requestId) {
        try (WindowStoreIterator<Outcome> found = store.fetch(requestId, 0L, Long.MAX_VALUE)) {
            return found.hasNext() ? Optional.of(found.next().value) : Optional.empty();
        }
    }

    /** Remembers {@code outcome} under its request id, at the time of the record that led to it. */
    public void record(Outcome outcome, long timestamp) {
        store.put(outcome.requestId(), outcome, timestamp);
    }
}
