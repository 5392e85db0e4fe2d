package dev.dealstream.processor.support;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A read-only copy of a compacted catalog topic on every instance (a global store), kept as the raw
 * values: the tasks that read it parse only what they look up. It follows the topic's owner by the
 * moment the global thread takes to read the owner's commit.
 */
public final class GlobalCopy {

    private GlobalCopy() {
    }

    public static void addTo(Topology topology, String store, String topic) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                        // a global store is restored from its source topic, not from a changelog
                        .withLoggingDisabled(),
                topic + "-global-source", new StringDeserializer(), new ByteArrayDeserializer(), topic,
                store + "-updater", () -> new UpdateProcessor(store));
    }

    private static final class UpdateProcessor implements Processor<String, byte[], Void, Void> {

        private final String storeName;
        private KeyValueStore<String, byte[]> store;

        UpdateProcessor(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
