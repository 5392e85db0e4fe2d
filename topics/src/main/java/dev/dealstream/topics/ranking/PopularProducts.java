package dev.dealstream.topics.ranking;

import dev.dealstream.topics.catalog.ProductId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The answer of {@code GET /api/v1/products/popular}: the top products over all partitions, ranked
 * from 1, as of the oldest partition top it merges (every count is at least that fresh). The value of
 * the compacted {@code ranking.popular-products} under {@link #KEY}.
 */
public record PopularProducts(Instant asOf, List<Entry> products) {

    /** How many products the ranking shows. */
    public static final int SIZE = 5;
    /** The one key of {@code ranking.popular-products}. */
    public static final String KEY = "top";

    public record Entry(int rank, ProductId productId, String name, int orderCount, long quantity) {
    }

    public PopularProducts {
        Objects.requireNonNull(asOf, "asOf");
        products = List.copyOf(products);
    }

    /** The global top {@link #SIZE} of the partitions' tops; {@code tops} must not be empty. */
    public static PopularProducts merge(Collection<PartitionTop> tops) {
        Instant asOf = tops.stream().map(PartitionTop::asOf).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("nothing to merge"));
        List<PopularProduct> best = tops.stream()
                .flatMap(top -> top.products().stream())
                .sorted(PopularProduct.RANK_ORDER)
                .limit(SIZE)
                .toList();
        List<Entry> entries = IntStream.range(0, best.size())
                .mapToObj(i -> {
                    PopularProduct product = best.get(i);
                    return new Entry(i + 1, product.productId(), product.name(), product.orderCount(), product.quantity());
                })
                .toList();
        return new PopularProducts(asOf, entries);
    }
}
