package dev.dealstream.processor.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads this instance's stores through IQv2, which reports per-partition failures instead of
 * throwing, and tells which instance owns which partition of a store.
 */
public class LocalStores {

    private final StreamsRunner runner;

    public LocalStores(StreamsRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code query} for {@code key} on the active copy of its partition, if this instance has it. */
    public <R> StoreLookup<R> query(String store, String key, Query<R> query) {
        return query(store, key, query, Function.identity());
    }

    /**
     * Runs {@code query} on the active copy of the partition {@code partitionKey} belongs to, for stores
     * whose keys live on the partition of another key (an order, a held coupon on its user's partition),
     * and reads its result with {@code read} (a range query's iterator is read and closed there).
     */
    public <R, T> StoreLookup<T> query(String store, String partitionKey, Query<R> query, Function<R, T> read) {
        if (!runner.started()) {
            return new StoreLookup.NotReady<>("processor not started");
        }
        KafkaStreams streams = runner.streams();
        try {
            KeyQueryMetadata owner = streams.queryMetadataForKey(store, partitionKey, Serdes.String().serializer());
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                return new StoreLookup.NotReady<>("partition assignment not known yet");
            }
            int partition = owner.partition();
            StateQueryResult<R> result = streams.query(StateQueryRequest.inStore(store).withQuery(query)
                    .withPartitions(Set.of(partition)).requireActive());
            QueryResult<R> answer = result.getPartitionResults().get(partition);
            if (answer == null) {
                return new StoreLookup.NotOwner<>(partition);
            }
            if (answer.isSuccess()) {
                return new StoreLookup.Found<>(read.apply(answer.getResult()));
            }
            if (activeElsewhere(answer.getFailureReason())) {
                return new StoreLookup.NotOwner<>(partition);
            }
            return new StoreLookup.NotReady<>(answer.getFailureReason() + ": " + answer.getFailureMessage());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return new StoreLookup.NotReady<>(e.getMessage());
        }
    }

    /**
     * Runs {@code query} on every partition of {@code store} that is active on this instance and reads
     * each result with {@code read}: the first value found (null when none was), or NotReady while a
     * local partition cannot answer. Partitions active elsewhere are left to their instances.
     */
    public <R, T> StoreLookup<T> findInLocalPartitions(String store, Query<R> query, Function<R, T> read) {
        if (!runner.started()) {
            return new StoreLookup.NotReady<>("processor not started");
        }
        try {
            StateQueryResult<R> result = runner.streams().query(
                    StateQueryRequest.inStore(store).withQuery(query).requireActive());
            T found = null;
            for (QueryResult<R> partition : result.getPartitionResults().values()) {
                if (partition.isSuccess()) {
                    // every result is read, so that each one's resources (an iterator) are released
                    T value = read.apply(partition.getResult());
                    found = found == null ? value : found;
                } else if (!activeElsewhere(partition.getFailureReason())) {
                    return new StoreLookup.NotReady<>(partition.getFailureReason() + ": " + partition.getFailureMessage());
                }
            }
            return new StoreLookup.Found<>(found);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return new StoreLookup.NotReady<>(e.getMessage());
        }
    }

    /**
     * The URL of the instance hosting the active copy of each partition of {@code store} (null where
     * none does yet), or empty while the assignment is not known.
     */
    public Optional<List<String>> ownersOf(String store) {
        if (!runner.started()) {
            return Optional.empty();
        }
        KafkaStreams streams = runner.streams();
        int[] partitions = {0};
        // Streams passes the store's partition count to the partitioner; no admin call needed
        KeyQueryMetadata probe = streams.queryMetadataForKey(store, "", (topic, key, value, count) -> {
            partitions[0] = count;
            return Optional.of(Set.of(0));
        });
        if (probe == null || KeyQueryMetadata.NOT_AVAILABLE.equals(probe) || partitions[0] == 0) {
            return Optional.empty();
        }
        List<String> owners = new ArrayList<>(partitions[0]);
        for (int partition = 0; partition < partitions[0]; partition++) {
            int wanted = partition;
            KeyQueryMetadata owner = streams.queryMetadataForKey(store, "",
                    (topic, key, value, count) -> Optional.of(Set.of(wanted)));
            owners.add(owner == null || HostInfo.unavailable().equals(owner.activeHost()) ? null : url(owner.activeHost()));
        }
        return Optional.of(owners);
    }

    /** The partition is not active on this instance: another one answers for it. */
    private static boolean activeElsewhere(FailureReason reason) {
        return reason == FailureReason.NOT_ACTIVE || reason == FailureReason.NOT_PRESENT;
    }

    private static String url(HostInfo host) {
        return "http://" + host.host() + ":" + host.port();
    }
}
