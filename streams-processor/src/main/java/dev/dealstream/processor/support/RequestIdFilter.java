package dev.dealstream.processor.support;

import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request ids in one task's {@link RequestLog}, in memory, a {@link KeyFilter} for each of the
 * log's buckets: a request id the task never saw, nearly every request, is ruled out without reading
 * the log. Checking the log's two buckets in RocksDB took a fifth of a hot campaign's stream thread.
 *
 * <p>It is a state store only so that Streams hands every processor of the task the same one, which
 * keeps a request id decided once among them all. It keeps nothing on disk and has no changelog: it is
 * filled from the restored log by the first processor of the task to start ({@link #loadOnce}), and
 * emptied whenever Streams starts the task again (also after a crash). Memory: about 2 bytes for each
 * request id the log remembers.
 */
public final class RequestIdFilter implements StateStore {

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    private final String name;
    private final long bucketMillis;
    /** By bucket start; only the buckets the log's lookups still read are kept. */
    private final NavigableMap<Long, KeyFilter> buckets = new TreeMap<>();
    /** The bucket ids were last added to, kept at hand: new ids go there until stream time moves on. */
    private long newestBucket = Long.MIN_VALUE;
    private KeyFilter newest;
    private TaskId task;
    private boolean loaded;
    private boolean open;

    RequestIdFilter(String name, Duration bucket) {
        this.name = name;
        this.bucketMillis = bucket.toMillis();
    }

    /** Fills the filter with every request id of {@code requestLog}, unless a processor of the task already did. */
    void loadOnce(WindowStore<String, byte[]> requestLog) {
        if (loaded) {
            return;
        }
        long started = System.nanoTime();
        long ids = 0;
        try (KeyValueIterator<Windowed<String>, byte[]> all = requestLog.all()) {
            while (all.hasNext()) {
                Windowed<String> id = all.next().key;
                buckets.computeIfAbsent(id.window().start(), bucket -> new KeyFilter()).add(id.key());
                ids++;
            }
        }
        loaded = true;
        log.info("Task {}: {} request ids loaded from {} in {} ms", task, ids, requestLog.name(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** False when {@code requestId} is certainly not in the log's bucket that starts at {@code bucket}. */
    boolean mightContain(String requestId, long bucket) {
        KeyFilter ids = bucket == newestBucket ? newest : buckets.get(bucket);
        return ids != null && ids.mightContain(requestId);
    }

    /**
     * Adds {@code requestId} to the bucket that starts at {@code bucket}. A new bucket drops those more
     * than one bucket older than the newest, as the log's window store drops their segments.
     */
    void add(String requestId, long bucket) {
        if (bucket != newestBucket) {
            KeyFilter ids = buckets.get(bucket);
            if (ids == null) {
                ids = new KeyFilter();
                buckets.put(bucket, ids);
                buckets.headMap(buckets.lastKey() - bucketMillis).clear();
            }
            newestBucket = bucket;
            newest = ids;
        }
        newest.add(requestId);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        task = context.taskId();
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        forget();
        open = false;
    }

    private void forget() {
        buckets.clear();
        newestBucket = Long.MIN_VALUE;
        newest = null;
        loaded = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** @param bucket the length of the request log's buckets: its retention */
    static StoreBuilder<RequestIdFilter> storeBuilder(String name, Duration bucket) {
        return new Builder(name, bucket);
    }

    /** Builds the filter, which has neither a cache nor a changelog. */
    private record Builder(String name, Duration bucket) implements StoreBuilder<RequestIdFilter> {

        @Override
        public StoreBuilder<RequestIdFilter> withCachingEnabled() {
            throw new UnsupportedOperationException("a request id filter is in memory already");
        }

        @Override
        public StoreBuilder<RequestIdFilter> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<RequestIdFilter> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a request id filter is filled from its request log, not from a changelog");
        }

        @Override
        public StoreBuilder<RequestIdFilter> withLoggingDisabled() {
            return this;
        }

        @Override
        public RequestIdFilter build() {
            return new RequestIdFilter(name, bucket);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
