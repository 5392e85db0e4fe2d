package dev.dealstream.processor.support;

import dev.dealstream.topics.Topics;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * Command processors that run in one task because their commands share a key (a user, a campaign):
 * they share one request log, so a request id is decided once among all of them, and one sink for
 * their outcomes. Each group gets its own sink, so that groups stay separate sub-topologies.
 */
public record CommandTask(String name) {

    /** How every request log's name ends; RocksDB names each of its segments by it and a timestamp. */
    public static final String REQUEST_LOG_SUFFIX = "-request-log";

    /** The request ids decided by this group of processors, by requestId. */
    public String requestLogStore() {
        return name + REQUEST_LOG_SUFFIX;
    }

    /** The request ids in the request log, in memory: see {@link RequestIdFilter}. */
    public String requestIdsStore() {
        return name + "-request-ids";
    }

    public String outcomesSink() {
        return name + "-outcomes-sink";
    }

    /** Adds the request log, its filter and the outcomes sink, connected to {@code processors}. */
    public void addTo(Topology topology, TopologySettings settings, String... processors) {
        topology.addStateStore(RequestLog.storeBuilder(requestLogStore(), settings.requestRetention()), processors);
        topology.addStateStore(RequestIdFilter.storeBuilder(requestIdsStore(), settings.requestRetention()), processors);
        topology.addSink(outcomesSink(), Topics.REQUEST_OUTCOMES,
                new StringSerializer(), TaskPartitionOutcome.serializer(), TaskPartitionOutcome.partitioner(), processors);
    }
}
