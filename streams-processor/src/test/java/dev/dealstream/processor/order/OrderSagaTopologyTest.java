package dev.dealstream.processor.order;

import static dev.dealstream.processor.order.OrderTopologyTest.rejected;
import static dev.dealstream.processor.order.OrderTopologyTest.succeeded;
import static dev.dealstream.processor.support.TopologyFixture.START;
import static dev.dealstream.processor.support.TopologyFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dealstream.processor.ProcessorTopology;
import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.coupon.CouponTopology;
import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.GlobalCopy;
import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.user.RegisteredUsersTopology;
import dev.dealstream.processor.user.UserTopology;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.request.Outcome;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user's side of the saga alone, with the test playing the products: it sees each stock request
 * and answers when (and if) it likes, so late, repeated and missing replies can be driven exactly.
 */
class OrderSagaTopologyTest {

    private static final long USER = 7;
    private static final OrderId ORDER = new OrderId(new UserId(USER), 1);

    private final TopologyFixture fixture = new TopologyFixture(userSide(TopologySettings.DEFAULT));

    /** The production topology without the products' task: its stock requests stay on their topic. */
    static Topology userSide(TopologySettings settings) {
        Topology topology = new Topology();
        CommandTask task = ProcessorTopology.ACCOUNT_TASK;
        WalletTopology.addTo(topology, settings, task);
        UserTopology.addTo(topology, settings, task);
        CouponTopology.addTo(topology, settings, RegisteredUsersTopology.addTo(topology));
        GlobalCopy.addTo(topology, ProductTopology.CATALOG, Topics.PRODUCTS);
        OrderTopology.addTo(topology, settings, task);
        task.addTo(topology, settings, WalletTopology.CHARGE_PROCESSOR, UserTopology.REGISTER_PROCESSOR, OrderTopology.PROCESSOR);
        return topology;
    }

    @BeforeEach
    void givenAUserWithMoneyAndTwoProductsInTheCatalog() {
        fixture.register(USER, "reg-7");
        fixture.charge(USER, "charge-7", 50_000);
        for (long product = 1; product <= 2; product++) {
            fixture.catalog.pipeInput(Long.toString(product),
                    new Product(new ProductId(product), "product " + product, 10_000, List.of(), START));
        }
        fixture.readOutcomes();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPlacedOrderHoldsTheAmountAndAsksEachProductToReserve() {
        fixture.place(USER, "order-1", null, START, line(1, 1), line(2, 2));

        assertThat(fixture.readOutcomes()).isEmpty();
        assertThat(fixture.stockRequests.readValuesToList())
                .extracting(request -> request.productId().value(), StockRequest::quantity, StockRequest::action)
                .containsExactly(tuple(1L, 1, StockRequest.Action.RESERVE), tuple(2L, 2, StockRequest.Action.RESERVE));
        assertThat(wallet()).extracting(Wallet::balance, Wallet::held).containsExactly(50_000L, 30_000L);
        assertThat(saga().order().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void anOrderWhoseRepliesDoNotComeIsTimedOutReleasedAndALateReservationIsReleasedToo() {
        fixture.place(USER, "order-1", null, START, line(1, 1), line(2, 2));
        fixture.stockRequests.readValuesToList();
        reply(1, 1, null);

        fixture.driver.advanceWallClockTime(Duration.ofSeconds(11));

        List<Outcome> outcomes = outcomes();
        assertThat(outcomes).hasSize(1);
        assertThat(rejected(outcomes.get(0)).code()).isEqualTo(ReasonCode.ORDER_TIMED_OUT);
        assertThat(wallet()).extracting(Wallet::balance, Wallet::held).containsExactly(50_000L, 0L);
        assertThat(saga().order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(fixture.stockRequests.readValuesToList())
                .extracting(request -> request.productId().value(), StockRequest::quantity, StockRequest::action)
                .containsExactly(tuple(1L, 1, StockRequest.Action.RELEASE));

        reply(2, 2, null);

        assertThat(outcomes()).isEmpty();
        assertThat(fixture.stockRequests.readValuesToList())
                .extracting(request -> request.productId().value(), StockRequest::quantity, StockRequest::action)
                .containsExactly(tuple(2L, 2, StockRequest.Action.RELEASE));
        assertThat(wallet().held()).isZero();
    }

    @Test
    void aRunningOrderIsNotCancellableAndGoesOnToItsOutcome() {
        fixture.place(USER, "order-1", null, START, line(1, 1));
        fixture.cancel(ORDER.text(), "cancel-1");

        List<Outcome> refused = outcomes();
        assertThat(refused).hasSize(1);
        assertThat(rejected(refused.get(0)).code()).isEqualTo(ReasonCode.ORDER_NOT_CANCELLABLE);

        reply(1, 1, null);

        List<Outcome> confirmed = outcomes();
        assertThat(confirmed).hasSize(1);
        assertThat(succeeded(confirmed.get(0)).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(fixture.driver.<String, OrderSaga>getKeyValueStore(OrderTopology.ORDERS).get(ORDER.text()).order().status())
                .isEqualTo(OrderStatus.CONFIRMED);
        assertThat(fixture.driver.<String, OrderSaga>getKeyValueStore(OrderTopology.RUNNING_ORDERS).get(ORDER.text())).isNull();
    }

    @Test
    void aLateRefusalHasNothingToRelease() {
        fixture.place(USER, "order-1", null, START, line(1, 1));
        fixture.stockRequests.readValuesToList();
        fixture.driver.advanceWallClockTime(Duration.ofSeconds(11));
        assertThat(rejected(outcomes().get(0)).code()).isEqualTo(ReasonCode.ORDER_TIMED_OUT);
        assertThat(fixture.stockRequests.readValuesToList()).isEmpty();

        reply(1, 1, ReasonCode.OUT_OF_STOCK);

        assertThat(outcomes()).isEmpty();
        assertThat(fixture.stockRequests.readValuesToList()).isEmpty();
    }

    @Test
    void anOrderIsNotTimedOutBeforeItsDeadline() {
        fixture.place(USER, "order-1", null, START, line(1, 1));

        fixture.driver.advanceWallClockTime(Duration.ofSeconds(9));

        assertThat(outcomes()).isEmpty();
        assertThat(saga().order().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aRetryWhileTheOrderIsPendingPlacesNothingAndTheOrderEndsWithOneOutcome() {
        fixture.place(USER, "order-1", null, START, line(1, 1), line(2, 2));
        fixture.place(USER, "order-1", null, START, line(1, 1), line(2, 2));

        assertThat(outcomes()).isEmpty();
        assertThat(fixture.stockRequests.readValuesToList()).hasSize(2);

        reply(1, 1, null);
        reply(1, 1, null);
        reply(2, 2, null);

        List<Outcome> outcomes = outcomes();
        assertThat(outcomes).hasSize(1);
        assertThat(succeeded(outcomes.get(0)).status()).isEqualTo(OrderStatus.CONFIRMED);
        // the reservations sold the units: a confirmation sends the products nothing
        assertThat(fixture.stockRequests.readValuesToList()).isEmpty();
        assertThat(wallet()).extracting(Wallet::balance, Wallet::held).containsExactly(20_000L, 0L);

        fixture.place(USER, "order-1", null, START, line(1, 1), line(2, 2));
        assertThat(fixture.readOutcomes()).singleElement().satisfies(replay -> assertThat(TopologyFixture.isReplay(replay)).isTrue());
    }

    @Test
    void aRefusalAfterAnotherLineWasReservedReleasesThatLine() {
        fixture.place(USER, "order-1", null, START, line(1, 1), line(2, 2));
        fixture.stockRequests.readValuesToList();

        reply(1, 1, null);
        reply(2, 2, ReasonCode.OUT_OF_STOCK);

        assertThat(rejected(outcomes().get(0)).code()).isEqualTo(ReasonCode.OUT_OF_STOCK);
        assertThat(fixture.stockRequests.readValuesToList())
                .extracting(request -> request.productId().value(), StockRequest::quantity, StockRequest::action)
                .containsExactly(tuple(1L, 1, StockRequest.Action.RELEASE));
        assertThat(wallet().held()).isZero();

        fixture.driver.advanceWallClockTime(Duration.ofSeconds(11));
        assertThat(outcomes()).isEmpty();
    }

    @Test
    void aCouponHeldByAPendingOrderCannotBeUsedByAnotherUntilThatOrderFails() {
        fixture.campaignCommands.pipeInput("70", TopologyFixture.campaign("campaign", 70, 10));
        fixture.issue(70, USER, "issue", START);
        fixture.readOutcomes();
        fixture.place(USER, "order-1", "70-1", START, line(1, 2));
        assertThat(couponStatus()).isEqualTo(CouponStatus.RESERVED);

        fixture.place(USER, "order-2", "70-1", START, line(2, 2));

        Outcome.Rejected refused = rejected(outcomes().get(0));
        assertThat(refused.code()).isEqualTo(ReasonCode.COUPON_NOT_USABLE);
        assertThat(refused.detail()).contains("in use by another order");

        reply(1, 2, ReasonCode.OUT_OF_STOCK);
        assertThat(rejected(outcomes().get(0)).code()).isEqualTo(ReasonCode.OUT_OF_STOCK);
        assertThat(couponStatus()).isEqualTo(CouponStatus.AVAILABLE);
    }

    private CouponStatus couponStatus() {
        return fixture.driver.<String, HeldCoupon>getKeyValueStore(CouponTopology.HELD_COUPONS)
                .get(CouponTopology.heldCouponKey(new UserId(USER), "70-1")).status();
    }

    /** The product's answer to the reservation of {@code quantity} units of {@code product}. */
    private void reply(long product, int quantity, ReasonCode refusal) {
        fixture.stockReplies.pipeInput(Long.toString(USER), new StockReply(ORDER, new ProductId(product), quantity,
                saga().order().createdAt(), refusal, refusal == null ? null : "refused"));
    }

    private List<Outcome> outcomes() {
        return fixture.readOutcomes().stream().map(record -> record.value()).toList();
    }

    private Wallet wallet() {
        return fixture.driver.<String, Wallet>getKeyValueStore(WalletTopology.WALLETS).get(Long.toString(USER));
    }

    /** The order as it ended, or while it runs. */
    private OrderSaga saga() {
        OrderSaga ended = fixture.driver.<String, OrderSaga>getKeyValueStore(OrderTopology.ORDERS).get(ORDER.text());
        return ended != null ? ended : fixture.driver.<String, OrderSaga>getKeyValueStore(OrderTopology.RUNNING_ORDERS).get(ORDER.text());
    }
}
