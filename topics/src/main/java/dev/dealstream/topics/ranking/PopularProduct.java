package dev.dealstream.topics.ranking;

import dev.dealstream.topics.catalog.ProductId;
import java.util.Comparator;
import java.util.Objects;

/**
 * A product's counts over the ranking window: in how many confirmed orders it is, and how many units
 * those orders hold. {@code name} is the catalog's name when the ranking was published, or null when
 * the product is not (yet) in the catalog copy.
 */
public record PopularProduct(ProductId productId, String name, int orderCount, long quantity) {

    /** The ranking's order: most orders first, then most units, then the lower productId. */
    public static final Comparator<PopularProduct> RANK_ORDER = Comparator
            .comparingInt(PopularProduct::orderCount).reversed()
            .thenComparing(Comparator.comparingLong(PopularProduct::quantity).reversed())
            .thenComparing(PopularProduct::productId);

    public PopularProduct {
        Objects.requireNonNull(productId, "productId");
    }

    public PopularProduct named(String productName) {
        return new PopularProduct(productId, productName, orderCount, quantity);
    }
}
