package dev.dealstream.processor.catalog;

import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductView;
import java.time.Instant;

/**
 * A product as its task keeps it: the catalog entry, the units on hand and how many of those running
 * orders have reserved. {@code onHand} counts reserved units until their order confirms (and they are
 * sold) or does not (and they are free again).
 */
public record StockedProduct(Product product, int onHand, int reserved) {

    public static StockedProduct listed(Product product) {
        return new StockedProduct(product, 0, 0);
    }

    /** Units an order can still reserve. */
    public int available() {
        return onHand - reserved;
    }

    public StockedProduct withProduct(Product changed) {
        return new StockedProduct(changed, onHand, reserved);
    }

    public StockedProduct adjusted(int quantity) {
        return new StockedProduct(product, onHand + quantity, reserved);
    }

    public StockedProduct reserve(int quantity) {
        return new StockedProduct(product, onHand, reserved + quantity);
    }

    public StockedProduct release(int quantity) {
        return new StockedProduct(product, onHand, reserved - quantity);
    }

    /** The reserved units sold. */
    public StockedProduct commit(int quantity) {
        return new StockedProduct(product, onHand - quantity, reserved - quantity);
    }

    public ProductView view(Instant now) {
        Long salePrice = product.saleAt(now).map(sale -> product.priceAt(now)).orElse(null);
        return new ProductView(product.productId(), product.name(), product.price(), salePrice, available());
    }
}
