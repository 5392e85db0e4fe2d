package dev.dealstream.processor.catalog;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.order.StockRequest;

/**
 * How a product's task applies an order's saga step to the product's stock. A reservation sells the
 * units at once, and the ranking counts the line then; a release gives them back and takes the count
 * back. The user's task sends a release only for a line it was told is reserved, once (see
 * {@code Orders}), so the product's task keeps nothing per order.
 */
public final class Stock {

    /**
     * The outcome of a step.
     *
     * @param product the product after the step (null when the product is unknown)
     * @param reply   the answer to send the order's user, for a reservation; null otherwise
     * @param sold    the line sold (+1 order) or given back (-1), for the ranking; null when the step
     *                moves no units
     */
    public record Step(StockedProduct product, StockReply reply, ProductOrderDelta sold) {
    }

    private Stock() {
    }

    public static Step apply(StockedProduct product, StockRequest request) {
        if (product == null) {
            StockReply notFound = request.action() == StockRequest.Action.RESERVE
                    ? StockReply.refused(request, ReasonCode.PRODUCT_NOT_FOUND, "product " + request.productId() + " is not in the catalog")
                    : null;
            return new Step(null, notFound, null);
        }
        return switch (request.action()) {
            case RESERVE -> reserve(product, request);
            case RELEASE -> new Step(product.adjusted(request.quantity()), null, line(request, -1));
        };
    }

    private static Step reserve(StockedProduct product, StockRequest request) {
        if (request.quantity() > product.onHand()) {
            return new Step(product, StockReply.refused(request, ReasonCode.OUT_OF_STOCK, "product "
                    + request.productId() + " has " + product.onHand() + " units left, the order asks for " + request.quantity()), null);
        }
        return new Step(product.adjusted(-request.quantity()), StockReply.reserved(request), line(request, 1));
    }

    private static ProductOrderDelta line(StockRequest request, int orders) {
        return new ProductOrderDelta(request.productId(), request.orderId(), request.orderedAt(), orders, orders * request.quantity());
    }
}
