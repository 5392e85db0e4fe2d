package dev.dealstream.local.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the processor's consumer group is behind on its inputs: the records committed on every
 * partition it reads that it has not yet committed as consumed. A warm-up's last outcome comes before
 * the work that follows it in other tasks (a product's stock commit, the ranking's counts), which a
 * measured phase would otherwise inherit.
 */
final class ProcessorLag implements AutoCloseable {

    /** The processor's {@code dealstream.processor.application-id} as the benchmarks' stack runs it. */
    private static final String GROUP = "dealstream-processor";

    private final Admin admin;

    ProcessorLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Records not yet consumed, over all partitions. A partition counts as caught up one record short
     * of its end: the group commits the offset after its last record, and a transaction's commit
     * marker follows that record.
     */
    private long behind() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> ends = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> endOffsets = admin
                .listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long behind = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            long lag = endOffsets.get(entry.getKey()).offset() - entry.getValue().offset();
            behind += Math.max(0, lag - 1);
        }
        return behind;
    }

    /** Waits until the group is caught up, at most {@code atMost}; answers what is left behind. */
    long awaitCaughtUp(Duration atMost) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long behind = behind();
        while (behind > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            behind = behind();
        }
        return behind;
    }

    @Override
    public void close() {
        admin.close();
    }
}
