package dev.dealstream.processor.catalog;

import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.GlobalCopy;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.support.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Products in the product's task (everything keyed by productId): the admin commands that define a
 * product, change its stock and put it on sale, and the orders' stock requests. Each catalog change
 * is published to the compacted {@code catalog.products}, which every instance copies into a global
 * store so that a user's task can price an order. Every line sold or given back goes on, as a
 * {@link ProductOrderDelta}, to {@link #SOLD_LINES_PROCESSOR} in the same task: the ranking's counter.
 */
public final class ProductTopology {

    public static final CommandTask PRODUCT_TASK = new CommandTask("product");
    /** Products with their stock, by productId. */
    public static final String PRODUCTS = QueryableStores.PRODUCTS;
    /** The catalog entries of all products, raw JSON by productId, on every instance. */
    public static final String CATALOG = "catalog-products";
    static final String DEFINE_PROCESSOR = "define-product-processor";
    static final String ADJUST_PROCESSOR = "adjust-stock-processor";
    static final String TIME_SALE_PROCESSOR = "define-time-sale-processor";
    public static final String STOCK_PROCESSOR = "stock-request-processor";
    /** The child of {@link #STOCK_PROCESSOR} that counts the lines sold and given back; RankingTopology adds it. */
    public static final String SOLD_LINES_PROCESSOR = "ranking-count-processor";
    static final String CATALOG_SINK = "catalog-products-sink";
    static final String REPLIES_SINK = "order-stock-replies-sink";

    private ProductTopology() {
    }

    public static void addTo(Topology topology, TopologySettings settings) {
        CommandSource.add(topology, Topics.PRODUCT_COMMANDS, DEFINE_PROCESSOR, () -> new ProductCommandProcessor<>(
                DefineProduct.class, DefineProduct::productId, Products::define, PRODUCT_TASK, settings.requestRetention()));
        CommandSource.add(topology, Topics.STOCK_ADJUSTMENTS, ADJUST_PROCESSOR, () -> new ProductCommandProcessor<>(
                AdjustStock.class, AdjustStock::productId, Products::adjustStock, PRODUCT_TASK, settings.requestRetention()));
        CommandSource.add(topology, Topics.TIME_SALE_COMMANDS, TIME_SALE_PROCESSOR, () -> new ProductCommandProcessor<>(
                DefineTimeSale.class, DefineTimeSale::productId, Products::defineSale, PRODUCT_TASK, settings.requestRetention()));
        CommandSource.add(topology, Topics.STOCK_REQUESTS, STOCK_PROCESSOR, StockRequestProcessor::new);
        // Not cached: at a commit, Streams flushes each task's cache and then the producer, task by task, so
        // every product task with a cached write cost the commit one more round trip to the broker.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PRODUCTS),
                        Serdes.String(), JsonSerde.of(StockedProduct.class)),
                DEFINE_PROCESSOR, ADJUST_PROCESSOR, TIME_SALE_PROCESSOR, STOCK_PROCESSOR);
        PRODUCT_TASK.addTo(topology, settings, DEFINE_PROCESSOR, ADJUST_PROCESSOR, TIME_SALE_PROCESSOR);
        topology.addSink(CATALOG_SINK, Topics.PRODUCTS, new StringSerializer(), JsonSerde.of(Product.class),
                DEFINE_PROCESSOR, TIME_SALE_PROCESSOR);
        topology.addSink(REPLIES_SINK, Topics.STOCK_REPLIES, new StringSerializer(), JsonSerde.of(StockReply.class),
                STOCK_PROCESSOR);
        GlobalCopy.addTo(topology, CATALOG, Topics.PRODUCTS);
    }
}
