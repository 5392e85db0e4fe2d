package dev.dealstream.processor.catalog;

import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductView;
import java.time.Instant;

/**
 * A product as its task keeps it: the catalog entry and the units on hand. A running order's
 * reservation has already taken its units off {@code onHand}; they come back if the order does not go
 * through. A long: an adjustment keeps the stock within {@code Integer.MAX_VALUE}, but a release that
 * comes after a restock to that limit gives its units back on top of it.
 */
public record StockedProduct(Product product, long onHand) {

    public static StockedProduct listed(Product product) {
        return new StockedProduct(product, 0);
    }

    public StockedProduct withProduct(Product changed) {
        return new StockedProduct(changed, onHand);
    }

    /** Units added (positive) or taken away (negative). */
    public StockedProduct adjusted(long quantity) {
        return new StockedProduct(product, onHand + quantity);
    }

    public ProductView view(Instant now) {
        Long salePrice = product.saleAt(now).map(sale -> product.priceAt(now)).orElse(null);
        return new ProductView(product.productId(), product.name(), product.price(), salePrice, onHand);
    }
}
