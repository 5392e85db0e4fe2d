package dev.dealstream.processor.catalog;

import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.support.JsonSerde;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reserves and releases stock for the orders' sagas, answers reservations, and tells the ranking's
 * counter of every line sold or given back.
 */
final class StockRequestProcessor implements Processor<String, byte[], String, Object> {

    private final JsonSerde<StockRequest> reader = JsonSerde.of(StockRequest.class);
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, StockedProduct> products;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        products = context.getStateStore(ProductTopology.PRODUCTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<StockRequest> read = DeadLetters.read(context, record, reader, request -> request.productId().key());
        if (read.isEmpty()) {
            return;
        }
        StockRequest request = read.get();
        StockedProduct product = products.get(record.key());
        Stock.Step step = Stock.apply(product, request);
        if (step.product() != null && !step.product().equals(product)) {
            products.put(record.key(), step.product());
        }
        if (step.reply() != null) {
            context.forward(new Record<>(request.orderId().userId().key(), step.reply(), record.timestamp()),
                    ProductTopology.REPLIES_SINK);
        }
        if (step.sold() != null) {
            context.forward(new Record<>(record.key(), step.sold(), record.timestamp()), ProductTopology.SOLD_LINES_PROCESSOR);
        }
    }
}
