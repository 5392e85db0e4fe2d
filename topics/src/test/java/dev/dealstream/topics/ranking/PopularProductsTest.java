package dev.dealstream.topics.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dealstream.topics.catalog.ProductId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopularProductsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void theMergeRanksAcrossPartitionsByOrdersThenUnitsThenProductId() {
        PartitionTop first = new PartitionTop(0, List.of(product(4, 3, 3), product(5, 2, 9), product(1, 1, 1)), NOW);
        PartitionTop second = new PartitionTop(1, List.of(product(7, 3, 3), product(2, 2, 9), product(8, 2, 1)), NOW.minusSeconds(2));

        PopularProducts merged = PopularProducts.merge(List.of(first, second));

        assertThat(merged.products())
                .extracting(PopularProducts.Entry::rank, entry -> entry.productId().value())
                .containsExactly(tuple(1, 4L), tuple(2, 7L), tuple(3, 2L), tuple(4, 5L), tuple(5, 8L));
        assertThat(merged.asOf()).isEqualTo(NOW.minusSeconds(2));
    }

    @Test
    void partitionsWithoutOrdersMergeIntoAnEmptyRanking() {
        PopularProducts merged = PopularProducts.merge(List.of(new PartitionTop(0, List.of(), NOW)));

        assertThat(merged.products()).isEmpty();
        assertThatThrownBy(() -> PopularProducts.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static PopularProduct product(long id, int orders, long quantity) {
        return new PopularProduct(new ProductId(id), "product " + id, orders, quantity);
    }
}
