package dev.dealstream.processor.support;

import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The outcomes decided for request ids, in a window store whose windows are buckets one retention
 * long: an outcome is stored at the start of the bucket its task's stream time is in, and looked up
 * in that bucket and the one before, so a request id is remembered for at least the retention and at
 * most twice that. Old buckets go away a whole segment at a time instead of by scanning.
 *
 * <p>Both lookups are point reads, and each asks the task's {@link RequestIdFilter} first, so an id
 * never seen costs no read of the store. A fetch over all times, as before, opened an iterator on every
 * segment and read a data block of every file for each new id: a fifth of a hot campaign's stream thread.
 *
 * <p>The store holds each outcome as its JSON (the same bytes as its changelog record): the filter's
 * load at the start of a task reads every request id, and parsing every outcome along with it took
 * 7-13 µs per id instead of 3-5 (docs/architecture.md). An outcome is parsed only when a request id
 * comes again, or for a status lookup.
 */
public final class RequestLog {

    private static final JsonSerde<Outcome> OUTCOME_JSON = JsonSerde.of(Outcome.class);

    private final WindowStore<String, byte[]> store;
    private final RequestIdFilter ids;
    private final long bucketMillis;
    private final LongSupplier streamTime;

    /**
     * @param streamTime the task's stream time, or a negative number before it has seen a record
     *                   (then the wall clock stands in for it)
     * @param ids        the request ids in {@code store}, shared by the task's processors; filled here
     *                   if no other processor of the task did it yet
     */
    public RequestLog(WindowStore<String, byte[]> store, RequestIdFilter ids, Duration retention, LongSupplier streamTime) {
        this.store = store;
        this.ids = ids;
        ids.loadOnce(store);
        this.bucketMillis = retention.toMillis();
        this.streamTime = streamTime;
    }

    /**
     * Keeps two buckets: the current one, and the one before it for the ids of its last retention.
     *
     * <p>Its changelog is only deleted by time, not compacted as Streams sets window stores' changelogs
     * up: every record has a key of its own (a request id and its bucket), so compaction never drops one,
     * and the broker's log cleaner rewrote each 1 GB segment of a hot campaign's log for nothing, up
     * to 0.4 of its 2 cores (docs/benchmarks.md, "A twenty-first VM"). Streams still keeps it for the
     * store's retention and a day more.
     */
    public static StoreBuilder<WindowStore<String, byte[]>> storeBuilder(String name, Duration retention) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(name, retention.multipliedBy(2), retention, false),
                        Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    /** The outcome in a value of the request log {@code store}. */
    public static Outcome outcomeOf(String store, byte[] stored) {
        return OUTCOME_JSON.deserialize(store, stored);
    }

    public Optional<Outcome> find(String requestId) {
        long bucket = currentBucket();
        byte[] found = fetch(requestId, bucket);
        if (found == null) {
            found = fetch(requestId, bucket - bucketMillis);
        }
        return Optional.ofNullable(found).map(stored -> outcomeOf(store.name(), stored));
    }

    /**
     * Remembers {@code outcome} under its request id. Its JSON, written here, is remembered by the serde
     * too, so publishing the same outcome next writes no JSON again.
     */
    public void record(Outcome outcome) {
        long bucket = currentBucket();
        store.put(outcome.requestId(), OUTCOME_JSON.serialize(store.name(), outcome), bucket);
        ids.add(outcome.requestId(), bucket);
    }

    private byte[] fetch(String requestId, long bucket) {
        return ids.mightContain(requestId, bucket) ? store.fetch(requestId, bucket) : null;
    }

    /**
     * The start of the bucket the stream time is in. Stream time never goes back (Streams restores it
     * from the task's last commit), so an outcome is never stored in a bucket later lookups skip.
     */
    private long currentBucket() {
        long now = streamTime.getAsLong();
        if (now < 0) {
            now = System.currentTimeMillis();
        }
        return now - Math.floorMod(now, bucketMillis);
    }
}
