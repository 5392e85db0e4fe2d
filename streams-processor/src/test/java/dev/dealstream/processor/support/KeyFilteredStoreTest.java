package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class KeyFilteredStoreTest {

    private final KeyValueStore<String, byte[]> store = store();

    @Test
    void answersWhatWasPutAndNothingElse() {
        KeyFilteredStore filtered = KeyFilteredStore.load(store);

        filtered.put("7:1", new byte[] {1});

        assertThat(filtered.get("7:1")).containsExactly(1);
        assertThat(filtered.get("7:2")).isNull();
        assertThat(filtered.get("8:1")).isNull();
    }

    @Test
    void aRestartedTaskFindsTheKeysItsStoreWasRestoredWith() {
        KeyFilteredStore beforeTheCrash = KeyFilteredStore.load(store);
        for (int user = 1; user <= 50_000; user++) {
            beforeTheCrash.put("7:" + user, new byte[] {1});
        }

        KeyFilteredStore restarted = KeyFilteredStore.load(store);

        assertThat(restarted.get("7:1")).isNotNull();
        assertThat(restarted.get("7:50000")).isNotNull();
        assertThat(restarted.get("7:50001")).isNull();
    }

    @Test
    void aRolledBackStoreIsTheAnswerWhenTheFilterRemembersMore() {
        KeyFilteredStore filtered = KeyFilteredStore.load(store);
        filtered.put("7:1", new byte[] {1});

        // an aborted transaction's writes are undone in the store; the filter still says "maybe"
        store.delete("7:1");

        assertThat(filtered.get("7:1")).isNull();
    }

    private static KeyValueStore<String, byte[]> store() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("filtered"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
