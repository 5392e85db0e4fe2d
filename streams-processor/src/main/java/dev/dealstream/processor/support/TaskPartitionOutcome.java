package dev.dealstream.processor.support;

import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * An outcome on its way to {@code request.outcomes}, with the partition of the task that decided it.
 * The outcome goes to that same partition number rather than to its request id's hash: a reader with
 * {@code read_committed} sees an outcome only once every transaction open on its partition has ended,
 * so a partition written by one stream thread waits for that thread's commit alone, not for the
 * slowest of all threads. Only the outcome is written; the partition is not part of the record.
 */
record TaskPartitionOutcome(Outcome outcome, int taskPartition) {

    static Serializer<TaskPartitionOutcome> serializer() {
        Serializer<Outcome> outcomes = JsonSerde.of(Outcome.class);
        return (topic, routed) -> outcomes.serialize(topic, routed.outcome());
    }

    static StreamPartitioner<String, TaskPartitionOutcome> partitioner() {
        return (topic, requestId, routed, numPartitions) -> Optional.of(Set.of(routed.taskPartition() % numPartitions));
    }
}
