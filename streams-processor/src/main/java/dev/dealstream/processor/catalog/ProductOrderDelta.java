package dev.dealstream.processor.catalog;

import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * What one line of an order changes in its product's ranking counts, handed by the product's task to
 * the ranking's counter beside it: one order and its units more when a reservation sells them, taken
 * back when they are released (the order did not go through, or was cancelled). Counted in the hour
 * the order was placed ({@code orderedAt}), so a release takes back exactly what its reservation added.
 *
 * @param orders   +1 for a reservation, -1 for a release
 * @param quantity the line's units, with the same sign as {@code orders}
 */
public record ProductOrderDelta(ProductId productId, OrderId orderId, Instant orderedAt, int orders, int quantity) {

    public ProductOrderDelta {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderedAt, "orderedAt");
        if (Math.abs(orders) != 1 || quantity == 0 || Integer.signum(quantity) != orders) {
            throw new IllegalArgumentException("a line adds or takes back one order and its units, got "
                    + orders + " order(s) and " + quantity + " unit(s)");
        }
    }
}
