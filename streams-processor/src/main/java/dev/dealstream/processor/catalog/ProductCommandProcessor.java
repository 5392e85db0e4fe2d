package dev.dealstream.processor.catalog;

import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.topics.Command;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.request.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies one kind of admin command (define, restock, time sale) to the products of this task, and
 * publishes the catalog entry when it changed.
 */
final class ProductCommandProcessor<C extends Command> implements Processor<String, byte[], String, Object> {

    /** A product decision: the product as it is (null if unknown), the command, the time. */
    interface Decide<C> {
        CatalogDecision apply(StockedProduct existing, C command, Instant now);
    }

    private final CommandPipeline<C> pipeline;
    private final Function<C, ProductId> productOf;
    private final Decide<C> decide;
    private KeyValueStore<String, StockedProduct> products;

    ProductCommandProcessor(Class<C> type, Function<C, ProductId> productOf, Decide<C> decide, CommandTask task,
                            Duration requestRetention) {
        this.pipeline = new CommandPipeline<>(type, command -> productOf.apply(command).key(), task, requestRetention);
        this.productOf = productOf;
        this.decide = decide;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        pipeline.init(context);
        products = context.getStateStore(ProductTopology.PRODUCTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        pipeline.process(record, this::decide);
    }

    private Outcome decide(C command, Instant now) {
        String key = productOf.apply(command).key();
        CatalogDecision decision = decide.apply(products.get(key), command, now);
        if (decision instanceof CatalogDecision.Changed changed) {
            products.put(key, changed.product());
            if (changed.catalogChanged()) {
                pipeline.emit(ProductTopology.CATALOG_SINK, key, changed.product().product());
            }
            return Outcome.succeeded(command, changed.result(), now);
        }
        CatalogDecision.Refused refused = (CatalogDecision.Refused) decision;
        return Outcome.rejected(command, refused.code(), refused.detail(), now);
    }
}
