package dev.dealstream.topics.order;

import dev.dealstream.topics.catalog.ProductId;
import java.time.Instant;
import java.util.Objects;

/**
 * A step of an order's saga for one product, sent by the user's task on {@code order.stock-requests}
 * (key: productId). A reservation sells the units at once; a release is sent once for each line that
 * was reserved and then did not go through, or was cancelled, so no reservation needs to be kept.
 *
 * @param orderedAt when the order was placed: the hour of the product's ranking that a reservation
 *                  counts the line in, and that a release takes it back from
 */
public record StockRequest(OrderId orderId, ProductId productId, int quantity, Action action, Instant orderedAt) {

    public enum Action {
        /** Sell {@code quantity} to the order, or refuse; answered with a {@link StockReply}. */
        RESERVE,
        /** The reserved units go back into stock: the order did not go through, or was cancelled. */
        RELEASE
    }

    public StockRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderedAt, "orderedAt");
        if (quantity < 1) {
            throw new IllegalArgumentException("a " + action + " of order " + orderId + " moves at least one unit, got " + quantity);
        }
    }
}
