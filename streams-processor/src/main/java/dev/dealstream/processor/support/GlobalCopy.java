package dev.dealstream.processor.support;

import java.util.Iterator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A read-only copy of a compacted catalog topic on every instance (a global store), kept as the raw
 * values: the tasks that read it parse only what they look up. It follows the topic's owner by the
 * moment the global thread takes to read the owner's commit.
 */
public final class GlobalCopy {

    /**
     * An in-memory index of a copy's keys, for tasks that ask of nearly every record whether a key is
     * there and would otherwise pay a store lookup each time. It is told every key the copy has once
     * the copy is restored, then every key it gains or loses, on the global thread.
     */
    public interface KeyIndex {

        /** Replaces the whole index with {@code keys}: the copy as restored. */
        void load(Iterator<String> keys);

        void add(String key);

        void remove(String key);
    }

    private GlobalCopy() {
    }

    public static void addTo(Topology topology, String store, String topic) {
        addTo(topology, store, topic, null);
    }

    /** As {@link #addTo(Topology, String, String)}, keeping {@code index} in step with the copy's keys. */
    public static void addTo(Topology topology, String store, String topic, KeyIndex index) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                        // a global store is restored from its source topic, not from a changelog
                        .withLoggingDisabled(),
                topic + "-global-source", new StringDeserializer(), new ByteArrayDeserializer(), topic,
                store + "-updater", () -> new UpdateProcessor(store, index));
    }

    static final class UpdateProcessor implements Processor<String, byte[], Void, Void> {

        private final String storeName;
        /** Null for a copy without an index. */
        private final KeyIndex index;
        private KeyValueStore<String, byte[]> store;

        UpdateProcessor(String storeName, KeyIndex index) {
            this.storeName = storeName;
            this.index = index;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
            if (index != null) {
                // Streams restores a global store before it initialises the store's processor
                try (KeyValueIterator<String, byte[]> all = store.all()) {
                    index.load(keysOf(all));
                }
            }
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                if (index != null) {
                    index.remove(record.key());
                }
            } else {
                store.put(record.key(), record.value());
                if (index != null) {
                    index.add(record.key());
                }
            }
        }

        private static Iterator<String> keysOf(KeyValueIterator<String, byte[]> entries) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public String next() {
                    return entries.next().key;
                }
            };
        }
    }
}
