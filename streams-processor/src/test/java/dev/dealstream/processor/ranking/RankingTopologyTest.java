package dev.dealstream.processor.ranking;

import static dev.dealstream.processor.support.TopologyFixture.START;
import static dev.dealstream.processor.support.TopologyFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderLine;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.ranking.PartitionTop;
import dev.dealstream.topics.ranking.PopularProduct;
import dev.dealstream.topics.ranking.PopularProducts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The popular products through the topology: counting the lines the products' stock sells and takes
 * back, the 3-day window, ties, cancels, the merge. Most tests drive the products' side alone and send
 * its saga steps themselves; one goes through whole orders.
 */
class RankingTopologyTest {

    private static final Duration PUBLISH = TopologySettings.DEFAULT.rankingPublishInterval();
    private static final UserId BUYER = new UserId(1);

    private TopologyFixture fixture = new TopologyFixture(productSide(TopologySettings.DEFAULT));
    private long orders;
    /** The driver's wall clock. */
    private Instant clock = START;

    /** The products' task with the ranking and nothing of the users': no one answers its replies. */
    private static Topology productSide(TopologySettings settings) {
        Topology topology = new Topology();
        ProductTopology.addTo(topology, settings);
        RankingTopology.addTo(topology, settings);
        return topology;
    }

    @BeforeEach
    void givenStockedProducts() {
        for (long product = 1; product <= 30; product++) {
            fixture.defineProduct(product, 1_000, "define-" + product);
            fixture.adjustStock(product, 1_000, "restock-" + product);
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
        confirm(START, line(1, 1), line(2, 1));
        confirm(START, line(1, 1), line(3, 5));
        confirm(START, line(2, 3));   // product 2 ties with 1 on orders, and has more units
        confirm(START, line(4, 2));   // one order, 2 units
        confirm(START, line(6, 2));   // one order, 2 units: ties with 4, the lower id goes first
        confirm(START, line(5, 1));   // one order, 1 unit: sixth

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
        confirm(START, line(7, 3));
        confirm(START, line(8, 1));

        assertThat(ranked(published())).containsExactly(7L, 8L);
    }

    @Test
    void anOrder71HoursOldCountsAnd73HoursOldDoesNot() {
        confirm(START.minus(Duration.ofHours(71)), line(1, 1));
        confirm(START.minus(Duration.ofHours(73)), line(2, 1));

        assertThat(ranked(published())).containsExactly(1L);
    }

    @Test
    void anOrderLeavesTheWindowAtTheFirstHourEdgeAfterItTurns72HoursOld() {
        Instant placed = START.plus(Duration.ofMinutes(10));
        advance(Duration.ofMinutes(10));
        confirm(placed, line(1, 1));
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
        OrderId first = confirm(START, line(1, 2), line(2, 1));
        confirm(START, line(2, 1));
        advance(Duration.ofMinutes(30));
        send(first, START, StockRequest.Action.RELEASE, line(1, 2), line(2, 1));

        PopularProducts popular = published();

        assertThat(popular.products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(2L, 1, 1L));
    }

    @Test
    void aReleaseThatWasNeverCountedChangesNothingInTheRanking() {
        confirm(START, line(1, 1));
        send(nextOrder(), START, StockRequest.Action.RELEASE, line(1, 5));
        send(nextOrder(), START.minus(Duration.ofHours(80)), StockRequest.Action.RELEASE, line(1, 1));

        assertThat(published().products()).extracting(PopularProducts.Entry::orderCount, PopularProducts.Entry::quantity)
                .containsExactly(tuple(1, 1L));
    }

    @Test
    void aReservationCountsAtOnceAndItsReleaseTakesItBack() {
        confirm(START, line(1, 2));
        OrderId released = confirm(START, line(2, 1));

        assertThat(published().products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(1L, 1, 2L), tuple(2L, 1, 1L));

        send(released, START, StockRequest.Action.RELEASE, line(2, 1));

        assertThat(published().products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(1L, 1, 2L));
    }

    @Test
    void partitionsTopsMergeIntoTheGlobalOrderAsOfTheOldestOfThem() {
        // this driver's task is partition 0; partitions 1 and 2 are published by other instances
        confirm(START, line(1, 1));
        confirm(START, line(1, 1));
        confirm(START, line(1, 1));
        confirm(START, line(2, 4));
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
    void ordersConfirmedThroughTheSagaAreRankedAndRejectedOrCancelledOnesTakenBack() {
        fixture.close();
        fixture = new TopologyFixture(TopologySettings.DEFAULT);
        fixture.register(7, "reg-7");
        fixture.charge(7, "charge-7", 100_000);
        fixture.defineProduct(1, 1_000, "define-1");
        fixture.defineProduct(2, 1_000, "define-2");
        fixture.adjustStock(1, 10, "restock-1");
        fixture.adjustStock(2, 10, "restock-2");
        fixture.place(7, "order-1", null, START, line(1, 3), line(2, 1));
        fixture.place(7, "order-2", null, START, line(2, 1));
        // reserves product 1, is refused product 2: product 1 counts until the saga releases it
        fixture.place(7, "order-3", null, START, line(1, 1), line(2, 50));

        assertThat(published().products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(2L, 2, 2L), tuple(1L, 1, 3L));

        fixture.cancel("7-2", "cancel-2");
        assertThat(published().products()).extracting(entry -> entry.productId().value(), PopularProducts.Entry::orderCount,
                PopularProducts.Entry::quantity).containsExactly(tuple(1L, 1, 3L), tuple(2L, 1, 1L));
    }

    @Test
    void anUnreadableStockRequestIsDeadLetteredAndTheNextOneCounted() {
        fixture.rawStockRequests.pipeInput("3", "{not json".getBytes(StandardCharsets.UTF_8));
        confirm(START, line(3, 1));

        assertThat(fixture.stockRequestDeadLetters.readRecordsToList()).hasSize(1);
        assertThat(ranked(published())).containsExactly(3L);
    }

    /** A new order whose lines are reserved, which sells them, as its saga does before it confirms. */
    private OrderId confirm(Instant placedAt, OrderLine... lines) {
        OrderId order = nextOrder();
        send(order, placedAt, StockRequest.Action.RESERVE, lines);
        return order;
    }

    private OrderId nextOrder() {
        return new OrderId(BUYER, ++orders);
    }

    private void send(OrderId order, Instant placedAt, StockRequest.Action action, OrderLine... lines) {
        for (OrderLine line : lines) {
            fixture.stockRequestsIn.pipeInput(line.productId().key(),
                    new StockRequest(order, line.productId(), line.quantity(), action, placedAt));
        }
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
