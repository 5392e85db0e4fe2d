package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class GlobalCopyTest {

    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private final KeyValueStore<String, byte[]> store = store(context);
    private final RecordingIndex index = new RecordingIndex();

    @Test
    void anIndexStartsWithEveryKeyTheCopyWasRestoredWith() {
        store.put("7", new byte[] {1});
        store.put("9", new byte[] {1});

        new GlobalCopy.UpdateProcessor("copy", index).init(context);

        assertThat(index.keys).containsExactlyInAnyOrder("7", "9");
    }

    @Test
    void anIndexFollowsTheKeysTheCopyGainsAndLoses() {
        GlobalCopy.UpdateProcessor updater = new GlobalCopy.UpdateProcessor("copy", index);
        updater.init(context);

        updater.process(new Record<>("7", new byte[] {1}, 0));
        updater.process(new Record<>("9", new byte[] {1}, 0));
        updater.process(new Record<String, byte[]>("7", null, 0));

        assertThat(index.keys).containsExactly("9");
        assertThat(store.get("7")).isNull();
        assertThat(store.get("9")).isNotNull();
    }

    private static KeyValueStore<String, byte[]> store(MockProcessorContext<Void, Void> context) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("copy"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static final class RecordingIndex implements GlobalCopy.KeyIndex {

        private final List<String> keys = new ArrayList<>();

        @Override
        public void load(Iterator<String> loaded) {
            keys.clear();
            loaded.forEachRemaining(keys::add);
        }

        @Override
        public void add(String key) {
            keys.add(key);
        }

        @Override
        public void remove(String key) {
            keys.remove(key);
        }
    }
}
