package dev.dealstream.topics.order;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact about an order on {@code order.events} (key: orderId), for read models.
 * {@code eventId} is unique per fact, so consumers can store events idempotently.
 */
public record OrderEvent(String eventId, Type type, Order order, Instant at) {

    public enum Type { CONFIRMED, CANCELLED }

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
    }

    public static OrderEvent of(Type type, Order order, Instant at) {
        return new OrderEvent(order.orderId() + ":" + type.name().toLowerCase(), type, order, at);
    }
}
