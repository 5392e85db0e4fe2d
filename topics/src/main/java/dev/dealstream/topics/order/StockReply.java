package dev.dealstream.topics.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.catalog.ProductId;
import java.util.Objects;

/**
 * A product's answer to a reservation, sent to the order's user on {@code order.stock-replies} (key:
 * userId).
 *
 * @param refusal null when the units are reserved; otherwise why not ({@code OUT_OF_STOCK},
 *                {@code PRODUCT_NOT_FOUND})
 */
public record StockReply(OrderId orderId, ProductId productId, ReasonCode refusal, String detail) {

    public StockReply {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
    }

    public static StockReply reserved(StockRequest request) {
        return new StockReply(request.orderId(), request.productId(), null, null);
    }

    public static StockReply refused(StockRequest request, ReasonCode refusal, String detail) {
        return new StockReply(request.orderId(), request.productId(), refusal, detail);
    }

    @JsonIgnore
    public boolean isReserved() {
        return refusal == null;
    }
}
