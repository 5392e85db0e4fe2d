package dev.dealstream.processor.order;

import dev.dealstream.processor.support.InternalApi;
import dev.dealstream.processor.support.LocalStores;
import dev.dealstream.processor.support.StoreLookup;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.web.Problems;
import java.util.function.Function;
import org.apache.kafka.streams.query.KeyQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal: an order from its user's task, for the query API. */
@RestController
class OrderLookupController {

    private final LocalStores stores;

    OrderLookupController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/orders/{orderId}")
    ResponseEntity<?> order(@PathVariable String orderId) {
        OrderId order;
        try {
            order = OrderId.parse(orderId);
        } catch (IllegalArgumentException e) {
            return Problems.of(ReasonCode.INVALID_ORDER_ID, e.getMessage());
        }
        // running first: an order that ends is written to the ended orders before it leaves the running
        // ones, so it is found in one or the other whenever it ends
        StoreLookup<OrderSaga> lookup = lookUp(OrderTopology.RUNNING_ORDERS, order);
        if (lookup instanceof StoreLookup.Found<OrderSaga> found && found.value() == null) {
            lookup = lookUp(OrderTopology.ORDERS, order);
        }
        return InternalApi.answer(lookup, OrderSaga::order, ReasonCode.ORDER_NOT_FOUND, "no order " + order);
    }

    private StoreLookup<OrderSaga> lookUp(String store, OrderId order) {
        return stores.query(store, order.userId().key(), KeyQuery.<String, OrderSaga>withKey(order.text()), Function.identity());
    }
}
