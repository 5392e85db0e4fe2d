package dev.dealstream.topics.order;

import dev.dealstream.topics.catalog.ProductId;

/** One line of a placed order, with the unit price it was priced at. */
public record OrderItem(ProductId productId, int quantity, long unitPrice) {

    public long amount() {
        return unitPrice * quantity;
    }
}
