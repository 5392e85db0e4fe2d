package dev.dealstream.processor.order;

import static dev.dealstream.processor.support.TopologyFixture.START;
import static dev.dealstream.processor.support.TopologyFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.catalog.StockedProduct;
import dev.dealstream.processor.coupon.CouponTopology;
import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of the order saga through the whole topology: the user's task and the products' tasks. */
class OrderTopologyTest {

    private static final long USER = 7;
    private static final long CAMPAIGN = 70;

    private final TopologyFixture fixture = new TopologyFixture(TopologySettings.DEFAULT);

    @BeforeEach
    void givenAUserWithMoneyAndThreeProducts() {
        fixture.register(USER, "reg-7");
        fixture.charge(USER, "charge-7", 100_000);
        fixture.defineProduct(1, 10_000, "p1");
        fixture.defineProduct(2, 5_000, "p2");
        fixture.defineProduct(3, 1_000, "p3");
        fixture.adjustStock(1, 10, "s1");
        fixture.adjustStock(2, 10, "s2");
        fixture.adjustStock(3, 1, "s3");
        fixture.readOutcomes();
        fixture.ledger.readRecordsToList();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anOrderWhoseLinesAreAllInStockIsConfirmedPaidAndSold() {
        fixture.place(USER, "order-1", null, START, line(1, 2), line(2, 1), line(3, 1));

        Order order = succeeded(onlyOutcome());
        assertThat(order.orderId().text()).isEqualTo("7-1");
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.items()).extracting(OrderItem::unitPrice).containsExactly(10_000L, 5_000L, 1_000L);
        assertThat(order.totalAmount()).isEqualTo(26_000);
        assertThat(order.paidAmount()).isEqualTo(26_000);
        assertThat(wallet()).extracting(Wallet::balance, Wallet::held).containsExactly(74_000L, 0L);
        assertThat(stock(1).onHand()).isEqualTo(8);
        assertThat(stock(3).onHand()).isZero();
        assertThat(fixture.ledger.readValuesToList()).extracting(LedgerEntry::type, LedgerEntry::amount, LedgerEntry::balanceAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerEntry.Type.PAYMENT, 26_000L, 74_000L));
        assertThat(fixture.orderEvents.readValuesToList()).extracting(OrderEvent::type).containsExactly(OrderEvent.Type.CONFIRMED);
    }

    @Test
    void oneLineOutOfStockRejectsTheWholeOrderAndReleasesEverything() {
        givenCoupon();
        fixture.place(USER, "order-1", "70-1", START, line(1, 2), line(3, 2), line(2, 1));

        assertThat(rejected(onlyOutcome()).code()).isEqualTo(ReasonCode.OUT_OF_STOCK);
        assertThat(wallet()).extracting(Wallet::balance, Wallet::held).containsExactly(100_000L, 0L);
        assertThat(couponStatus("70-1")).isEqualTo(CouponStatus.AVAILABLE);
        assertThat(List.of(stock(1), stock(2), stock(3))).extracting(StockedProduct::onHand).containsExactly(10L, 10L, 1L);
        assertThat(order("7-1").status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(fixture.ledger.readValuesToList()).isEmpty();
        assertThat(fixture.orderEvents.readValuesToList()).isEmpty();
    }

    @Test
    void anOrderTheBalanceDoesNotCoverIsRefusedBeforeAnyStockIsTouched() {
        fixture.adjustStock(1, 100, "more");
        fixture.readOutcomes();

        fixture.place(USER, "order-1", null, START, line(1, 11));

        assertThat(rejected(onlyOutcome()).code()).isEqualTo(ReasonCode.INSUFFICIENT_BALANCE);
        assertThat(fixture.stockRequests.readValuesToList()).isEmpty();
        assertThat(wallet().held()).isZero();
        assertThat(stock(1).onHand()).isEqualTo(110);
    }

    @Test
    void aPercentCouponIsCappedAndUsedAndComesBackOnCancel() {
        givenCoupon();
        fixture.place(USER, "order-1", "70-1", START, line(1, 8));

        Order order = succeeded(onlyOutcome());
        assertThat(order.totalAmount()).isEqualTo(80_000);
        assertThat(order.discountAmount()).isEqualTo(5_000);
        assertThat(order.paidAmount()).isEqualTo(75_000);
        assertThat(couponStatus("70-1")).isEqualTo(CouponStatus.USED);

        fixture.cancel("7-1", "cancel-1");

        Order cancelled = succeeded(onlyOutcome());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(couponStatus("70-1")).isEqualTo(CouponStatus.AVAILABLE);
        assertThat(wallet().balance()).isEqualTo(100_000);
        assertThat(stock(1).onHand()).isEqualTo(10);
        assertThat(fixture.ledger.readValuesToList()).extracting(LedgerEntry::type)
                .containsExactly(LedgerEntry.Type.PAYMENT, LedgerEntry.Type.REFUND);
        assertThat(fixture.orderEvents.readValuesToList()).extracting(OrderEvent::type)
                .containsExactly(OrderEvent.Type.CONFIRMED, OrderEvent.Type.CANCELLED);
    }

    @Test
    void aSecondCancelIsRefusedAndChangesNothing() {
        fixture.place(USER, "order-1", null, START, line(2, 1));
        fixture.cancel("7-1", "cancel-1");
        fixture.readOutcomes();

        fixture.cancel("7-1", "cancel-2");
        fixture.cancel("7-9", "cancel-3");

        List<Outcome> outcomes = outcomeValues();
        assertThat(rejected(outcomes.get(0)).code()).isEqualTo(ReasonCode.ORDER_NOT_CANCELLABLE);
        assertThat(rejected(outcomes.get(1)).code()).isEqualTo(ReasonCode.ORDER_NOT_FOUND);
        assertThat(wallet().balance()).isEqualTo(100_000);
        assertThat(stock(2).onHand()).isEqualTo(10);
    }

    @Test
    void eachUnusableCouponIsRefusedWithItsReason() {
        givenCoupon();
        fixture.place(USER, "not-owned", "70-99", START, line(1, 1));
        fixture.place(USER, "below-minimum", "70-1", START, line(3, 1));
        fixture.place(USER, "expired", "70-1", START.plus(Duration.ofDays(8)), line(1, 1));
        fixture.place(USER, "uses-it", "70-1", START, line(1, 1));
        fixture.place(USER, "used", "70-1", START, line(1, 1));

        List<Outcome> outcomes = outcomeValues();
        assertThat(outcomes).hasSize(5);
        assertThat(rejected(outcomes.get(0)).detail()).contains("holds no coupon");
        assertThat(rejected(outcomes.get(1)).detail()).contains("at least 10000");
        assertThat(rejected(outcomes.get(2)).detail()).contains("expired");
        assertThat(succeeded(outcomes.get(3)).discountAmount()).isEqualTo(1_000);
        assertThat(rejected(outcomes.get(4)).detail()).contains("has been used");
        assertThat(List.of(outcomes.get(0), outcomes.get(1), outcomes.get(2), outcomes.get(4)))
                .allSatisfy(outcome -> assertThat(rejected(outcome).code()).isEqualTo(ReasonCode.COUPON_NOT_USABLE));
    }

    @Test
    void aRetriedOrderIsTheSameOrder() {
        fixture.place(USER, "order-1", null, START, line(2, 1));
        Order first = succeeded(onlyOutcome());

        fixture.place(USER, "order-1", null, START, line(2, 1));

        List<org.apache.kafka.streams.test.TestRecord<String, Outcome>> again = fixture.readOutcomes();
        assertThat(again).hasSize(1);
        assertThat(TopologyFixture.isReplay(again.get(0))).isTrue();
        assertThat(succeeded(again.get(0).value())).isEqualTo(first);
        assertThat(wallet().balance()).isEqualTo(95_000);
        assertThat(stock(2).onHand()).isEqualTo(9);
    }

    @Test
    void aUsersOrdersHaveNumbersThatGrowAndNeverRepeatWhateverElseTheirPartitionCarries() {
        fixture.register(8, "reg-8");
        fixture.charge(8, "charge-8", 100_000);
        fixture.readOutcomes();

        fixture.place(USER, "order-1", null, START, line(2, 1));
        fixture.place(8, "another-users-order", null, START, line(2, 1));
        fixture.place(USER, "order-1", null, START, line(2, 1));
        fixture.place(USER, "refused", null, START, line(9, 1));
        fixture.place(USER, "order-2", null, START, line(2, 2));

        List<org.apache.kafka.streams.test.TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        List<Order> placed = outcomes.stream().filter(outcome -> !TopologyFixture.isReplay(outcome))
                .map(outcome -> outcome.value()).filter(Outcome.Succeeded.class::isInstance)
                .map(OrderTopologyTest::succeeded).toList();
        assertThat(placed).extracting(order -> order.userId().value()).containsExactly(USER, 8L, USER);
        Order first = placed.get(0);
        Order second = placed.get(2);
        assertThat(second.orderId().number()).isGreaterThan(first.orderId().number());
        assertThat(order(first.orderId().text())).isEqualTo(first);
        assertThat(order(second.orderId().text())).isEqualTo(second);
        assertThat(stock(2).onHand()).isEqualTo(6);
    }

    @Test
    void unknownUsersProductsAndInvalidOrdersAreRefused() {
        fixture.place(8, "unknown-user", null, START, line(1, 1));
        fixture.place(USER, "unknown-product", null, START, line(1, 1), line(9, 1));
        fixture.place(USER, "duplicate-lines", null, START, line(1, 1), line(1, 2));

        List<Outcome> outcomes = outcomeValues();
        assertThat(outcomes).extracting(outcome -> rejected(outcome).code())
                .containsExactly(ReasonCode.USER_NOT_FOUND, ReasonCode.PRODUCT_NOT_FOUND, ReasonCode.INVALID_ORDER);
        assertThat(fixture.stockRequests.readValuesToList()).isEmpty();
    }

    @Test
    void aTimeSalePriceAppliesInsideItsWindowOnly() {
        fixture.timeSaleCommands.pipeInput("1", new DefineTimeSale("sale", 5, new ProductId(1), 6_000,
                START.plusSeconds(60), START.plusSeconds(120), START));
        fixture.readOutcomes();

        fixture.place(USER, "before", null, START.plusSeconds(59), line(1, 1));
        fixture.place(USER, "at-start", null, START.plusSeconds(60), line(1, 1));
        fixture.place(USER, "at-end", null, START.plusSeconds(120), line(1, 1));

        assertThat(outcomeValues()).extracting(outcome -> succeeded(outcome).items().get(0).unitPrice())
                .containsExactly(10_000L, 6_000L, 10_000L);
    }

    @Test
    void aMalformedOrderRequestIsDeadLetteredAndTheNextIsPlaced() {
        fixture.rawOrderRequests.pipeInput("7", "{not json".getBytes(StandardCharsets.UTF_8));
        fixture.place(USER, "order-1", null, START, line(2, 1));

        assertThat(succeeded(onlyOutcome()).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(fixture.driver.createOutputTopic("order.requests.dlq",
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readRecordsToList()).hasSize(1);
    }

    private void givenCoupon() {
        fixture.campaignCommands.pipeInput(Long.toString(CAMPAIGN), TopologyFixture.campaign("campaign", CAMPAIGN, 10));
        fixture.issue(CAMPAIGN, USER, "issue", START);
        fixture.readOutcomes();
        fixture.issuedCoupons.readValuesToList();
    }

    private Outcome onlyOutcome() {
        List<Outcome> outcomes = outcomeValues();
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private List<Outcome> outcomeValues() {
        return fixture.readOutcomes().stream().map(record -> record.value()).toList();
    }

    static Order succeeded(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Succeeded.class);
        return (Order) ((Outcome.Succeeded) outcome).result();
    }

    static Outcome.Rejected rejected(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return (Outcome.Rejected) outcome;
    }

    private Wallet wallet() {
        return fixture.driver.<String, Wallet>getKeyValueStore(WalletTopology.WALLETS).get(Long.toString(USER));
    }

    private StockedProduct stock(long productId) {
        return fixture.driver.<String, StockedProduct>getKeyValueStore(ProductTopology.PRODUCTS).get(Long.toString(productId));
    }

    private Order order(String orderId) {
        return fixture.driver.<String, OrderSaga>getKeyValueStore(OrderTopology.ORDERS).get(orderId).order();
    }

    private CouponStatus couponStatus(String couponId) {
        HeldCoupon held = fixture.driver.<String, HeldCoupon>getKeyValueStore(CouponTopology.HELD_COUPONS)
                .get(CouponTopology.heldCouponKey(new UserId(USER), couponId));
        return held.status();
    }

}
