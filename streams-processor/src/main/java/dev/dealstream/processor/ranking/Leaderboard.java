package dev.dealstream.processor.ranking;

import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.ranking.PopularProduct;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One partition's products ranked by their totals over the window, so that its top is read without
 * scanning its products. Derived state: the sum of the partition's hourly counts, rebuilt from them
 * whenever the task starts.
 */
final class Leaderboard {

    private final Map<ProductId, PopularProduct> totals = new HashMap<>();
    private final TreeSet<PopularProduct> ranked = new TreeSet<>(PopularProduct.RANK_ORDER);

    /** Adds (or, negative, takes back) orders and units of a product; a product left with none leaves. */
    void add(ProductId productId, int orders, long quantity) {
        PopularProduct before = totals.remove(productId);
        int orderCount = orders;
        long units = quantity;
        if (before != null) {
            ranked.remove(before);
            orderCount += before.orderCount();
            units += before.quantity();
        }
        if (orderCount > 0) {
            PopularProduct after = new PopularProduct(productId, null, orderCount, units);
            totals.put(productId, after);
            ranked.add(after);
        }
    }

    /** The best {@code size} products, best first, without names. */
    List<PopularProduct> top(int size) {
        return ranked.stream().limit(size).toList();
    }

    void clear() {
        totals.clear();
        ranked.clear();
    }
}
