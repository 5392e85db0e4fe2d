package dev.dealstream.processor.ranking;

import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.topics.ranking.PartitionTop;
import dev.dealstream.topics.ranking.PopularProducts;
import dev.dealstream.topics.support.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps every partition's latest top and publishes their merge, the global top, as each one changes. */
final class RankingMergeProcessor implements Processor<String, byte[], String, Object> {

    private final JsonSerde<PartitionTop> reader = JsonSerde.of(PartitionTop.class);
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, PartitionTop> partitionTops;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        partitionTops = context.getStateStore(RankingTopology.PARTITION_TOPS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<PartitionTop> read = DeadLetters.read(context, record, reader, PartitionTop::key);
        if (read.isEmpty()) {
            return;
        }
        partitionTops.put(record.key(), read.get());
        List<PartitionTop> all = new ArrayList<>();
        try (KeyValueIterator<String, PartitionTop> tops = partitionTops.all()) {
            tops.forEachRemaining(entry -> all.add(entry.value));
        }
        context.forward(new Record<>(PopularProducts.KEY, PopularProducts.merge(all), record.timestamp()),
                RankingTopology.POPULAR_SINK);
    }
}
