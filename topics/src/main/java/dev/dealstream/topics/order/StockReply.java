package dev.dealstream.topics.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.catalog.ProductId;
import java.time.Instant;
import java.util.Objects;

/**
 * A product's answer to a reservation, sent to the order's user on {@code order.stock-replies} (key:
 * userId). It repeats the reservation, so that units reserved for an order that no longer waits for
 * them can be released from the reply alone.
 *
 * @param refusal null when the units are reserved; otherwise why not ({@code OUT_OF_STOCK},
 *                {@code PRODUCT_NOT_FOUND})
 */
public record StockReply(OrderId orderId, ProductId productId, int quantity, Instant orderedAt, ReasonCode refusal, String detail) {

    public StockReply {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(orderedAt, "orderedAt");
    }

    public static StockReply reserved(StockRequest request) {
        return new StockReply(request.orderId(), request.productId(), request.quantity(), request.orderedAt(), null, null);
    }

    public static StockReply refused(StockRequest request, ReasonCode refusal, String detail) {
        return new StockReply(request.orderId(), request.productId(), request.quantity(), request.orderedAt(), refusal, detail);
    }

    @JsonIgnore
    public boolean isReserved() {
        return refusal == null;
    }

    /** Gives the reserved units back. */
    public StockRequest release() {
        if (!isReserved()) {
            throw new IllegalStateException("order " + orderId + " reserved nothing of product " + productId);
        }
        return new StockRequest(orderId, productId, quantity, StockRequest.Action.RELEASE, orderedAt);
    }
}
