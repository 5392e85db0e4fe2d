package dev.dealstream.processor.catalog;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.order.StockReply;

/**
 * How a product's task applies an order's saga step to the product's stock. A reservation is kept per
 * order until the order commits or releases it, so every step is safe to see twice: a second
 * reservation answers as the first did, and a commit or release without a reservation changes nothing.
 */
public final class Stock {

    /**
     * The outcome of a step.
     *
     * @param product     the product after the step (null when the product is unknown)
     * @param reservation the units held for the order after the step (null: none)
     * @param reply       the answer to send the order's user, for a reservation; null otherwise
     * @param sold        the line sold (a commit of a reservation) or returned (a return), for the
     *                    ranking; null when the step sells or returns nothing
     */
    public record Step(StockedProduct product, Integer reservation, StockReply reply, ProductOrderDelta sold) {

        Step(StockedProduct product, Integer reservation, StockReply reply) {
            this(product, reservation, reply, null);
        }
    }

    private Stock() {
    }

    /** @param reserved the units already held for this order (null: none) */
    public static Step apply(StockedProduct product, Integer reserved, StockRequest request) {
        if (product == null) {
            StockReply notFound = request.action() == StockRequest.Action.RESERVE
                    ? StockReply.refused(request, ReasonCode.PRODUCT_NOT_FOUND, "product " + request.productId() + " is not in the catalog")
                    : null;
            return new Step(null, null, notFound);
        }
        return switch (request.action()) {
            case RESERVE -> reserve(product, reserved, request);
            case COMMIT -> reserved == null ? new Step(product, null, null)
                    : new Step(product.commit(reserved), null, null, line(request, 1, reserved));
            case RELEASE -> reserved == null ? new Step(product, null, null) : new Step(product.release(reserved), null, null);
            case RETURN -> new Step(product.adjusted(request.quantity()), reserved, null,
                    request.quantity() > 0 ? line(request, -1, -request.quantity()) : null);
        };
    }

    private static ProductOrderDelta line(StockRequest request, int orders, int quantity) {
        return new ProductOrderDelta(request.productId(), request.orderId(), request.orderedAt(), orders, quantity);
    }

    private static Step reserve(StockedProduct product, Integer reserved, StockRequest request) {
        if (reserved != null) {
            return new Step(product, reserved, StockReply.reserved(request));
        }
        if (request.quantity() > product.available()) {
            return new Step(product, null, StockReply.refused(request, ReasonCode.OUT_OF_STOCK, "product "
                    + request.productId() + " has " + product.available() + " units left, the order asks for " + request.quantity()));
        }
        return new Step(product.reserve(request.quantity()), request.quantity(), StockReply.reserved(request));
    }
}
