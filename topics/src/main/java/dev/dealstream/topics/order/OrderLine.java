package dev.dealstream.topics.order;

import dev.dealstream.topics.catalog.ProductId;
import java.util.Objects;

/** One line of an order as the client asks for it: a product and how many. */
public record OrderLine(ProductId productId, int quantity) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
    }
}
