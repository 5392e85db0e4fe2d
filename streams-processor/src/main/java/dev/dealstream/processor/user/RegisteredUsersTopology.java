package dev.dealstream.processor.user;

import dev.dealstream.topics.Topics;
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
 * A read-only copy of {@code catalog.users} on every instance (a global store), for tasks keyed by
 * something other than the user, such as a campaign's, to tell whether a user is registered (a key
 * with any value is a registered user). It
 * follows the users' own tasks by the moment the global thread takes to read their commit.
 */
public final class RegisteredUsersTopology {

    public static final String STORE = "registered-users";
    private static final String SOURCE = "catalog-users-global-source";
    private static final String UPDATER = "registered-users-updater";

    private RegisteredUsersTopology() {
    }

    /** Adds the global store, kept as raw values: only a user's presence is asked. */
    public static void addTo(Topology topology) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        // a global store is restored from its source topic, not from a changelog
                        .withLoggingDisabled(),
                SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), Topics.USERS, UPDATER, UpdateProcessor::new);
    }

    private static final class UpdateProcessor implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
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
