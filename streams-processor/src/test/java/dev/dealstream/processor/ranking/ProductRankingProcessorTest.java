package dev.dealstream.processor.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.processor.catalog.ProductOrderDelta;
import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.ranking.PartitionTop;
import dev.dealstream.topics.ranking.PopularProduct;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The partition's counter on its own: what a restarted task publishes, and what it keeps in its store. */
class ProductRankingProcessorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final TaskId TASK = new TaskId(2, 3);

    private final KeyValueStore<String, HourlyCount> hourlyCounts = store(RankingTopology.HOURLY_COUNTS, JsonSerde.of(HourlyCount.class));
    private final KeyValueStore<String, byte[]> catalog = store(ProductTopology.CATALOG, Serdes.ByteArray());
    private long orders;

    @Test
    void aRestartedTaskRebuildsItsTopFromTheStoreAndDropsTheHoursThatLeftTheWindow() {
        catalog.put("1", JsonSerde.of(Product.class).serialize(null, new Product(new ProductId(1), "shoes", 1_000, List.of(), NOW)));
        MockProcessorContext<String, Object> before = started();
        ProductRankingProcessor counting = new ProductRankingProcessor(Duration.ofSeconds(1));
        counting.init(before);
        count(counting, 1, 2, NOW);
        count(counting, 1, 1, NOW.minus(Duration.ofHours(72)));
        count(counting, 2, 5, NOW.minus(Duration.ofHours(1)));
        PartitionTop published = publish(before, NOW);

        MockProcessorContext<String, Object> after = started();
        new ProductRankingProcessor(Duration.ofSeconds(1)).init(after);
        PartitionTop republished = publish(after, NOW.plusSeconds(1));

        assertThat(published.partition()).isEqualTo(3);
        assertThat(published.products()).containsExactly(
                new PopularProduct(new ProductId(1), "shoes", 2, 3),
                new PopularProduct(new ProductId(2), null, 1, 5));
        assertThat(republished.products()).isEqualTo(published.products());

        // an hour later the 72-hour-old order has left, from the store and from the top: 1 and 2 tie on orders
        PartitionTop later = publish(after, NOW.plus(Duration.ofHours(1)));
        assertThat(later.products()).containsExactly(
                new PopularProduct(new ProductId(2), null, 1, 5),
                new PopularProduct(new ProductId(1), "shoes", 1, 2));
        assertThat(hourlyCounts.approximateNumEntries()).isEqualTo(2);
    }

    @Test
    void aTaskRevivedOnARolledBackStoreDropsTheExpiredHoursAgain() {
        MockProcessorContext<String, Object> context = started();
        ProductRankingProcessor counting = new ProductRankingProcessor(Duration.ofSeconds(1));
        counting.init(context);
        count(counting, 1, 1, NOW.minus(Duration.ofHours(72)));
        count(counting, 2, 1, NOW);
        assertThat(publish(context, NOW.plus(Duration.ofHours(1))).products()).extracting(p -> p.productId().value())
                .containsExactly(2L);
        // the transaction that dropped the hour is aborted: the store has it again, and the same processor is initialised anew
        hourlyCounts.put("%010d:1".formatted(RankingWindow.hourOf(NOW.minus(Duration.ofHours(72)))), new HourlyCount(1, 1));
        counting.init(context);

        assertThat(publish(context, NOW.plus(Duration.ofHours(1)).plusSeconds(1)).products())
                .extracting(p -> p.productId().value()).containsExactly(2L);
    }

    @Test
    void aTaskRevivedOnARolledBackStoreCountsOnFromTheStoreNotFromWhatItCountedBefore() {
        MockProcessorContext<String, Object> context = started();
        ProductRankingProcessor counting = new ProductRankingProcessor(Duration.ofSeconds(1));
        counting.init(context);
        count(counting, 2, 3, NOW);
        String hourOfProduct2 = "%010d:2".formatted(RankingWindow.hourOf(NOW));
        // the transaction that counted it is aborted: the store no longer has it
        hourlyCounts.delete(hourOfProduct2);
        counting.init(context);

        count(counting, 2, 1, NOW);

        assertThat(hourlyCounts.get(hourOfProduct2)).isEqualTo(new HourlyCount(1, 1));
        assertThat(publish(context, NOW.plusSeconds(1)).products()).extracting(PopularProduct::orderCount, PopularProduct::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1L));
    }

    private MockProcessorContext<String, Object> started() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>(new java.util.Properties(), TASK, null);
        context.addStateStore(hourlyCounts);
        context.addStateStore(catalog);
        context.setCurrentSystemTimeMs(NOW.toEpochMilli());
        return context;
    }

    private void count(ProductRankingProcessor processor, long productId, int quantity, Instant orderedAt) {
        ProductOrderDelta delta = new ProductOrderDelta(new ProductId(productId), new OrderId(new UserId(1), ++orders),
                orderedAt, 1, quantity);
        processor.process(new Record<>(Long.toString(productId), delta, orderedAt.toEpochMilli()));
    }

    private static PartitionTop publish(MockProcessorContext<String, Object> context, Instant at) {
        context.resetForwards();
        context.setCurrentSystemTimeMs(at.toEpochMilli());
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(at.toEpochMilli());
        List<MockProcessorContext.CapturedForward<? extends String, ?>> forwarded = context.forwarded();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).childName()).contains(RankingTopology.TOPS_SINK);
        return (PartitionTop) forwarded.get(0).record().value();
    }

    private static <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
