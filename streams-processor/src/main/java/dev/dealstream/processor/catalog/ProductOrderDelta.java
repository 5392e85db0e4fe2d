package dev.dealstream.processor.catalog;

import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * What one line of a confirmed or cancelled order changes in its product's ranking counts, handed by
 * the product's task to the ranking's counter beside it: one order and its units more when the
 * reserved units are sold, taken back when a cancelled order returns them. Counted in the hour the
 * order was placed ({@code orderedAt}), so a cancel takes back exactly what its confirmation added.
 *
 * @param orders   +1 for a confirmation, -1 for a cancellation
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
