package dev.dealstream.topics.order;

import dev.dealstream.topics.catalog.ProductId;
import java.time.Instant;
import java.util.Objects;

/**
 * A step of an order's saga for one product, sent by the user's task on {@code order.stock-requests}
 * (key: productId). A product's task applies each action at most once per order: reservations are kept
 * by orderId, and a release or commit where nothing is reserved changes nothing.
 *
 * @param orderedAt when the order was placed: a commit counts the line in that hour of the product's
 *                  ranking, and a return takes it back from there. Required for those two actions.
 */
public record StockRequest(OrderId orderId, ProductId productId, int quantity, Action action, Instant orderedAt) {

    public enum Action {
        /** Set {@code quantity} aside for the order, or refuse; answered with a {@link StockReply}. */
        RESERVE,
        /** The order is confirmed: the reserved units are sold. */
        COMMIT,
        /** The order did not go through: the reserved units go back. */
        RELEASE,
        /** A confirmed order was cancelled: the sold units go back into stock. */
        RETURN
    }

    public StockRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(action, "action");
        if (orderedAt == null && (action == Action.COMMIT || action == Action.RETURN)) {
            throw new IllegalArgumentException("a " + action + " of order " + orderId + " must say when the order was placed");
        }
    }
}
