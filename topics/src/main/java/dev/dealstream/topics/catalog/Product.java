package dev.dealstream.topics.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A product as the catalog describes it: name, list price and its time sales. The value of the
 * compacted {@code catalog.products} (keyed by productId), published by the product's task whenever
 * one of these changes; stock is not part of it, it changes with every order.
 */
public record Product(ProductId productId, String name, long price, List<TimeSale> sales, Instant updatedAt) {

    public Product {
        sales = List.copyOf(sales);
    }

    /** The sale on at {@code time}, if any (sales of one product never overlap). */
    public Optional<TimeSale> saleAt(Instant time) {
        return sales.stream().filter(sale -> sale.isOnAt(time)).findFirst();
    }

    /** What one unit costs at {@code time}: the sale price while a sale is on, never above the list price. */
    public long priceAt(Instant time) {
        return saleAt(time).map(sale -> Math.min(sale.salePrice(), price)).orElse(price);
    }
}
