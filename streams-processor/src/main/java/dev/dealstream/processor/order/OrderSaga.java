package dev.dealstream.processor.order;

import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.StockRequest;
import java.time.Instant;
import java.util.List;

/**
 * An order as its user's task keeps it: the order, the request that placed it (whose outcome the saga
 * owes), the products whose reservation is still awaited and when the saga gives up waiting.
 */
public record OrderSaga(Order order, String requestId, String fingerprint, List<ProductId> awaiting, Instant deadline) {

    public OrderSaga {
        awaiting = List.copyOf(awaiting);
    }

    /** This saga with the reservation of {@code product} in. */
    OrderSaga reserved(ProductId product) {
        return new OrderSaga(order, requestId, fingerprint,
                awaiting.stream().filter(awaited -> !awaited.equals(product)).toList(), deadline);
    }

    /** This saga, ended or moved on to {@code order}; nothing more is awaited. */
    OrderSaga settled(Order settled) {
        return new OrderSaga(settled, requestId, fingerprint, List.of(), deadline);
    }

    /** One {@code action} per line of the order, for each line's product. */
    List<StockRequest> stockRequests(StockRequest.Action action) {
        return order.items().stream().map(item -> stockRequest(item, action)).toList();
    }

    /** A release of each line whose product has answered that it is reserved. */
    List<StockRequest> releasesOfReservedLines() {
        return order.items().stream().filter(item -> !awaiting.contains(item.productId()))
                .map(item -> stockRequest(item, StockRequest.Action.RELEASE)).toList();
    }

    private StockRequest stockRequest(OrderItem item, StockRequest.Action action) {
        return new StockRequest(order.orderId(), item.productId(), item.quantity(), action, order.createdAt());
    }
}
