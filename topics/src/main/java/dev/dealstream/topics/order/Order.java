package dev.dealstream.topics.order;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.OutcomeResult;
import java.time.Instant;
import java.util.List;

/**
 * An order as its user's task keeps it and as clients see it. {@code paidAmount} is
 * {@code totalAmount - discountAmount}, never below zero.
 *
 * @param couponId  the coupon the order uses, or null
 * @param updatedAt when the status last changed
 */
public record Order(OrderId orderId, UserId userId, List<OrderItem> items, long totalAmount, long discountAmount,
                    long paidAmount, String couponId, OrderStatus status, Instant createdAt, Instant updatedAt)
        implements OutcomeResult {

    public Order {
        items = List.copyOf(items);
    }

    public Order withStatus(OrderStatus newStatus, Instant now) {
        return new Order(orderId, userId, items, totalAmount, discountAmount, paidAmount, couponId, newStatus, createdAt, now);
    }
}
