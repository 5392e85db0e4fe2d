package dev.dealstream.processor.support;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store whose keys are only ever added, with a {@link KeyFilter} of its keys in memory: a lookup of
 * a key it never had, such as a user asking a campaign for the first time, is answered by the filter
 * alone instead of by the store. Only a "maybe" (a key the store has, or a rare other one) reads it.
 */
public final class KeyFilteredStore {

    private final KeyValueStore<String, byte[]> store;
    private final KeyFilter keys = new KeyFilter();

    private KeyFilteredStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /**
     * Reads every key of {@code store}. Call it from a processor's init, which Streams runs once the
     * task's stores are restored (also after a crash), so the filter starts with every key.
     */
    public static KeyFilteredStore load(KeyValueStore<String, byte[]> store) {
        KeyFilteredStore filtered = new KeyFilteredStore(store);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> filtered.keys.add(entry.key));
        }
        return filtered;
    }

    /** The value under {@code key}, or null. */
    public byte[] get(String key) {
        return keys.mightContain(key) ? store.get(key) : null;
    }

    public void put(String key, byte[] value) {
        store.put(key, value);
        keys.add(key);
    }
}
