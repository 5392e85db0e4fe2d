package dev.dealstream.processor.ranking;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.ranking.PartitionTop;
import dev.dealstream.topics.ranking.PopularProducts;
import dev.dealstream.topics.support.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The popular products, in two steps: in each product's task, hourly counts of the lines its stock
 * sold and took back, with the partition's top published every few seconds; then one task merging the
 * partitions' tops into {@code ranking.popular-products}, which every reader holds.
 */
public final class RankingTopology {

    /** Orders and units per product and hour, by {@code <hour>:<productId>}; partitioned as the products are. */
    public static final String HOURLY_COUNTS = "ranking-hourly-counts";
    /** The latest top of each partition, by partition number. */
    static final String PARTITION_TOPS = "ranking-partition-tops";
    static final String MERGE_PROCESSOR = "ranking-merge-processor";
    static final String TOPS_SINK = "ranking-partition-tops-sink";
    static final String POPULAR_SINK = "ranking-popular-products-sink";

    private RankingTopology() {
    }

    /**
     * Added after the product topology: the counter is the child its stock processor tells of each
     * line sold or given back, and the catalog copy names the products.
     */
    public static void addTo(Topology topology, TopologySettings settings) {
        // in the product's task, so a sale is counted in the transaction that sells it, with no topic between
        topology.addProcessor(ProductTopology.SOLD_LINES_PROCESSOR,
                () -> new ProductRankingProcessor(settings.rankingPublishInterval()), ProductTopology.STOCK_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOURLY_COUNTS),
                Serdes.String(), JsonSerde.of(HourlyCount.class)), ProductTopology.SOLD_LINES_PROCESSOR);
        topology.addSink(TOPS_SINK, Topics.RANKING_PARTITION_TOPS, new StringSerializer(),
                JsonSerde.of(PartitionTop.class), ProductTopology.SOLD_LINES_PROCESSOR);

        CommandSource.add(topology, Topics.RANKING_PARTITION_TOPS, MERGE_PROCESSOR, RankingMergeProcessor::new);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTITION_TOPS),
                Serdes.String(), JsonSerde.of(PartitionTop.class)), MERGE_PROCESSOR);
        topology.addSink(POPULAR_SINK, Topics.POPULAR_PRODUCTS, new StringSerializer(),
                JsonSerde.of(PopularProducts.class), MERGE_PROCESSOR);
    }
}
