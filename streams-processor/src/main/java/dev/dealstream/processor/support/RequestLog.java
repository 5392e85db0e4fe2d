package dev.dealstream.processor.support;

import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
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
 */
public final class RequestLog {

    private final WindowStore<String, Outcome> store;
    private final RequestIdFilter ids;
    private final long bucketMillis;
    private final LongSupplier streamTime;

    /**
     * @param streamTime the task's stream time, or a negative number before it has seen a record
     *                   (then the wall clock stands in for it)
     * @param ids        the request ids in {@code store}, shared by the task's processors; filled here
     *                   if no other processor of the task did it yet
     */
    public RequestLog(WindowStore<String, Outcome> store, RequestIdFilter ids, Duration retention, LongSupplier streamTime) {
        this.store = store;
        this.ids = ids;
        ids.loadOnce(store);
        this.bucketMillis = retention.toMillis();
        this.streamTime = streamTime;
    }

    /** Keeps two buckets: the current one, and the one before it for the ids of its last retention. */
    public static StoreBuilder<WindowStore<String, Outcome>> storeBuilder(String name, Duration retention) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention.multipliedBy(2), retention, false),
                Serdes.String(), JsonSerde.of(Outcome.class));
    }

    public Optional<Outcome> find(String requestId) {
        long bucket = currentBucket();
        Outcome found = fetch(requestId, bucket);
        if (found == null) {
            found = fetch(requestId, bucket - bucketMillis);
        }
        return Optional.ofNullable(found);
    }

    /** Remembers {@code outcome} under its request id. */
    public void record(Outcome outcome) {
        long bucket = currentBucket();
        store.put(outcome.requestId(), outcome, bucket);
        ids.add(outcome.requestId(), bucket);
    }

    private Outcome fetch(String requestId, long bucket) {
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
