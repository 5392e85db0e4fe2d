package dev.dealstream.processor.ranking;

import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.ranking.ProductOrderDelta;
import dev.dealstream.topics.support.JsonSerde;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Splits each confirmed or cancelled order into its lines, re-keyed to their products for counting. */
final class OrderEventLinesProcessor implements Processor<String, byte[], String, Object> {

    private final JsonSerde<OrderEvent> reader = JsonSerde.of(OrderEvent.class);
    private ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<OrderEvent> read = DeadLetters.read(context, record, reader, event -> event.order().orderId().text());
        if (read.isEmpty()) {
            return;
        }
        OrderEvent event = read.get();
        Order order = event.order();
        int sign = event.type() == OrderEvent.Type.CONFIRMED ? 1 : -1;
        for (OrderItem item : order.items()) {
            ProductOrderDelta delta = new ProductOrderDelta(item.productId(), order.orderId(), order.createdAt(),
                    sign, sign * item.quantity());
            context.forward(new Record<>(item.productId().key(), delta, record.timestamp()), RankingTopology.LINES_SINK);
        }
    }
}
