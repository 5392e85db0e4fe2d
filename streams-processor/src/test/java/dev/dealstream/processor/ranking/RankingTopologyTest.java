package dev.dealstream.processor.ranking;

import static dev.dealstream.processor.support.TopologyFixture.START;
import static dev.dealstream.processor.support.TopologyFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.ranking.PartitionTop;
import dev.dealstream.topics.ranking.PopularProduct;
import dev.dealstream.topics.ranking.PopularProducts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The popular products through the whole topology: counting, the 3-day window, ties, cancels, the merge. */
class RankingTopologyTest {

    private static final Duration PUBLISH = TopologySettings.DEFAULT.rankingPublishInterval();

    private final TopologyFixture fixture = new TopologyFixture(TopologySettings.DEFAULT);
    private long orders;
    /** The driver's wall clock. */
    private Instant clock = START;

    @BeforeEach
    void givenACatalog() {
        for (long product = 1; product <= 30; product++) {
            fixture.catalog.pipeInput(Long.toString(product),
                    new Product(new ProductId(product), "product " + product, 1_000, List.of(), START));
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void noOrdersMeansAnEmptyRankingNotAnError() {
        PopularProducts popular = published();

        assertThat(popular.products()).isEmpty();
        assertThat(popular.asOf()).isEqualTo(START.plus(PUBLISH));
    }

    @Test
    void productsAreRankedByOrdersThenUnitsThenProductIdAndOnlyTheBestFiveShow() {
        confirm(START, item(1, 1), item(2, 1));
        confirm(START, item(1, 1), item(3, 5));
        confirm(START, item(2, 3));   // product 2 ties with 1 on orders, and has more units
        confirm(START, item(4, 2));   // one order, 2 units
        confirm(START, item(6, 2));   // one order, 2 units: ties with 4, the lower id goes first
        confirm(START, item(5, 1));   // one order, 1 unit: sixth

        PopularProducts popular = published();

        assertThat(popular.products())
                .extracting(PopularProducts.Entry::rank, entry -> entry.productId().value(), PopularProducts.Entry::name,
                        PopularProducts.Entry::orderCount, PopularProducts.Entry::quantity)
                .containsExactly(
                        tuple(1, 2L, "product 2", 2, 4L),
                        tuple(2, 1L, "product 1", 2, 2L),
                        tuple(3, 3L, "product 3", 1, 5L),
                        tuple(4, 4L, "product 4", 1, 2L),
                        tuple(5, 6L, "product 6", 1, 2L));
    }

    @Test
    void fewerThanFiveProductsWithOrdersGiveFewerEntries() {
        confirm(START, item(7, 3));
        confirm(START, item(8, 1));

        assertThat(ranked(published())).containsExactly(7L, 8L);
    }

    @Test
    void anOrder71HoursOldCountsAnd73HoursOldDoesNot() {
        confirm(START.minus(Duration.ofHours(71)), item(1, 1));
        confirm(START.minus(Duration.ofHours(73)), item(2, 1));

        assertThat(ranked(published())).containsExactly(1L);
    }

    @Test
    void anOrderLeavesTheWindowAtTheFirstHourEdgeAfterItTurns72HoursOld() {
        Instant placed = START.plus(Duration.ofMinutes(10));
        advance(Duration.ofMinutes(10));
        confirm(placed, item(1, 1));
        assertThat(ranked(published())).containsExactly(1L);

        assertThat(ranked(publishedAt(placed.plus(Duration.ofHours(71))))).as("71 hours old").containsExactly(1L);
        // START is on an hour edge, so the order's hour leaves the window when the hour START + 73 h begins
        Instant nextHourEdge = START.plus(Duration.ofHours(73));
        assertThat(ranked(publishedAt(nextHourEdge.minusSeconds(1)))).as("72 h 50 min old").containsExactly(1L);
        assertThat(ranked(publishedAt(nextHourEdge))).as("at the hour edge after it turned 72 hours old").isEmpty();
        assertThat(ranked(publishedAt(placed.plus(Duration.ofHours(73))))).as("73 hours old").isEmpty();
    }

    @Test
    void aCancelledOrderIsTakenBackOutOfItsHour() {
        Order first = confirm(START, item(1, 2), item(2, 1));
        confirm(START, item(2, 1));
        advance(Duration.ofMinutes(30));
        cancel(first);

        PopularProducts popular = published();

        assertThat(popular.products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(2L, 1, 1L));
    }

    @Test
    void aCancellationThatWasNeverCountedChangesNothing() {
        confirm(START, item(1, 1));
        Order neverCounted = order(START, item(1, 5));
        fixture.orderEventsIn.pipeInput(neverCounted.orderId().text(),
                OrderEvent.of(OrderEvent.Type.CANCELLED, neverCounted.withStatus(OrderStatus.CANCELLED, START), START));
        Order tooOld = order(START.minus(Duration.ofHours(80)), item(1, 1));
        fixture.orderEventsIn.pipeInput(tooOld.orderId().text(),
                OrderEvent.of(OrderEvent.Type.CANCELLED, tooOld.withStatus(OrderStatus.CANCELLED, START), START));

        assertThat(published().products()).extracting(PopularProducts.Entry::orderCount, PopularProducts.Entry::quantity)
                .containsExactly(tuple(1, 1L));
    }

    @Test
    void partitionsTopsMergeIntoTheGlobalOrderAsOfTheOldestOfThem() {
        // this driver's task is partition 0; partitions 1 and 2 are published by other instances
        confirm(START, item(1, 1));
        confirm(START, item(1, 1));
        confirm(START, item(1, 1));
        confirm(START, item(2, 4));
        Instant older = START.minusSeconds(3);
        fixture.partitionTopsIn.pipeInput(PartitionTop.keyOf(1), new PartitionTop(1, List.of(
                popular(10, 5, 5), popular(11, 3, 9), popular(12, 1, 1)), older));
        fixture.partitionTopsIn.pipeInput(PartitionTop.keyOf(2), new PartitionTop(2, List.of(
                popular(20, 3, 3), popular(21, 1, 4)), START));

        PopularProducts popular = published();

        assertThat(ranked(popular)).containsExactly(10L, 11L, 1L, 20L, 2L);
        assertThat(popular.asOf()).isEqualTo(older);

        // partition 1 publishes again: its new top replaces the old one
        fixture.partitionTopsIn.pipeInput(PartitionTop.keyOf(1), new PartitionTop(1, List.of(popular(12, 9, 9)), START));
        assertThat(ranked(published())).containsExactly(12L, 1L, 20L, 2L, 21L);
    }

    @Test
    void ordersConfirmedThroughTheSagaAreRankedAndTheirCancellationTakenBack() {
        fixture.register(7, "reg-7");
        fixture.charge(7, "charge-7", 100_000);
        fixture.defineProduct(1, 1_000, "define-1");
        fixture.defineProduct(2, 1_000, "define-2");
        fixture.adjustStock(1, 10, "restock-1");
        fixture.adjustStock(2, 10, "restock-2");
        fixture.place(7, "order-1", null, START, line(1, 3), line(2, 1));
        fixture.place(7, "order-2", null, START, line(2, 1));

        assertThat(published().products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(2L, 2, 2L), tuple(1L, 1, 3L));

        fixture.cancel("7-2", "cancel-2");
        assertThat(published().products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(1L, 1, 3L), tuple(2L, 1, 1L));
    }

    @Test
    void anUnreadableOrderEventIsDeadLetteredAndTheNextOneCounted() {
        fixture.rawOrderEvents.pipeInput("1-1", "{not json".getBytes(StandardCharsets.UTF_8));
        confirm(START, item(3, 1));

        assertThat(fixture.orderEventDeadLetters.readRecordsToList()).hasSize(1);
        assertThat(ranked(published())).containsExactly(3L);
    }

    private Order confirm(Instant placedAt, OrderItem... items) {
        Order order = order(placedAt, items);
        fixture.orderEventsIn.pipeInput(order.orderId().text(), OrderEvent.of(OrderEvent.Type.CONFIRMED, order, placedAt));
        return order;
    }

    private void cancel(Order order) {
        fixture.orderEventsIn.pipeInput(order.orderId().text(),
                OrderEvent.of(OrderEvent.Type.CANCELLED, order.withStatus(OrderStatus.CANCELLED, clock), clock));
    }

    private Order order(Instant placedAt, OrderItem... items) {
        long total = Arrays.stream(items).mapToLong(OrderItem::amount).sum();
        return new Order(new OrderId(new UserId(1), ++orders), new UserId(1), List.of(items), total, 0, total, null,
                OrderStatus.CONFIRMED, placedAt, placedAt);
    }

    private static OrderItem item(long productId, int quantity) {
        return new OrderItem(new ProductId(productId), quantity, 1_000);
    }

    private static PopularProduct popular(long productId, int orders, long quantity) {
        return new PopularProduct(new ProductId(productId), "product " + productId, orders, quantity);
    }

    /** Lets the partition publish once more, and returns the merged ranking that led to. */
    private PopularProducts published() {
        return publishedAt(clock.plus(PUBLISH));
    }

    /** Moves the wall clock to {@code time} (at least one publish interval on), and returns the ranking then. */
    private PopularProducts publishedAt(Instant time) {
        advance(Duration.between(clock, time));
        List<PopularProducts> merged = fixture.popularProducts.readValuesToList();
        assertThat(merged).isNotEmpty();
        PopularProducts latest = merged.get(merged.size() - 1);
        assertThat(latest.asOf()).isBeforeOrEqualTo(time);
        return latest;
    }

    private void advance(Duration duration) {
        fixture.driver.advanceWallClockTime(duration);
        clock = clock.plus(duration);
    }

    private static List<Long> ranked(PopularProducts popular) {
        return popular.products().stream().map(entry -> entry.productId().value()).toList();
    }
}
