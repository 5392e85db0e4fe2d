package dev.dealstream.processor.order;

import static dev.dealstream.processor.support.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.catalog.StockedProduct;
import dev.dealstream.processor.coupon.CouponTopology;
import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderLine;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the interleaving of charges, restocks and corrections, coupon issues, orders,
 * cancels and retried requests over several users and products, stock and money are conserved, no
 * coupon is used twice, every request has exactly one outcome, and nothing stays held or reserved.
 * Each seed is one random run; a failure names its seed, which replays it exactly.
 */
class OrderConservationTest {

    private static final int USERS = 4;
    private static final int PRODUCTS = 5;
    private static final int STEPS = 250;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldAfterARandomRun(long seed) {
        try (TopologyFixture fixture = new TopologyFixture(TopologySettings.DEFAULT)) {
            Run run = new Run(fixture, new Random(seed));
            run.setUp();
            for (int step = 0; step < STEPS; step++) {
                run.randomStep();
            }
            run.checkInvariants();
        }
    }

    private static final class Run {

        private final TopologyFixture fixture;
        private final Random random;
        private final List<Runnable> sent = new ArrayList<>();
        private final Set<String> requestIds = new HashSet<>();
        private final List<String> orderIds = new ArrayList<>();
        private final List<Outcome> decided = new ArrayList<>();
        private final Map<String, AdjustStock> adjustments = new HashMap<>();
        private int nextRequest;

        Run(TopologyFixture fixture, Random random) {
            this.fixture = fixture;
            this.random = random;
        }

        void setUp() {
            for (long user = 1; user <= USERS; user++) {
                fixture.register(user, "reg-" + user);
            }
            for (long product = 1; product <= PRODUCTS; product++) {
                fixture.defineProduct(product, 1_000L * (1 + random.nextInt(20)), "product-" + product);
            }
            fixture.campaignCommands.pipeInput("1", new DefineCampaign("campaign-1", new CampaignId(1), "fixed",
                    DiscountType.FIXED, 3_000, null, 5_000, 3, START, START.plus(Duration.ofDays(1)), 7, START));
            fixture.campaignCommands.pipeInput("2", new DefineCampaign("campaign-2", new CampaignId(2), "percent",
                    DiscountType.PERCENT, 20, 4_000L, 0, 3, START, START.plus(Duration.ofDays(1)), 7, START));
            collect();
            decided.clear();
        }

        void randomStep() {
            int pick = random.nextInt(100);
            if (pick < 15) {
                long user = user();
                long amount = 1_000L * (1 + random.nextInt(60));
                String requestId = id();
                send(() -> fixture.charge(user, requestId, amount));
            } else if (pick < 28) {
                long product = product();
                int quantity = random.nextInt(4) == 0 ? -(1 + random.nextInt(3)) : 1 + random.nextInt(5);
                AdjustStock adjustment = new AdjustStock(id(), new ProductId(product), quantity, START);
                adjustments.put(adjustment.requestId(), adjustment);
                send(() -> fixture.stockAdjustments.pipeInput(Long.toString(product), adjustment));
            } else if (pick < 35) {
                long campaign = 1 + random.nextInt(2);
                long user = user();
                String requestId = id();
                send(() -> fixture.issue(campaign, user, requestId, START));
            } else if (pick < 75) {
                placeRandomOrder();
            } else if (pick < 88 && !orderIds.isEmpty()) {
                String orderId = orderIds.get(random.nextInt(orderIds.size()));
                String requestId = id();
                send(() -> fixture.cancel(orderId, requestId));
            } else if (!sent.isEmpty()) {
                sent.get(random.nextInt(sent.size())).run();
                collect();
            }
        }

        private void placeRandomOrder() {
            long user = user();
            List<Long> products = new ArrayList<>(LongStream.rangeClosed(1, PRODUCTS).boxed().toList());
            Collections.shuffle(products, random);
            OrderLine[] lines = products.subList(0, 1 + random.nextInt(3)).stream()
                    .map(product -> TopologyFixture.line(product, 1 + random.nextInt(3))).toArray(OrderLine[]::new);
            String coupon = random.nextInt(3) == 0 ? (1 + random.nextInt(2)) + "-" + (1 + random.nextInt(3)) : null;
            String requestId = id();
            send(() -> fixture.place(user, requestId, coupon, START, lines));
        }

        /** Sends once now; kept so that a later step can send the very same request again (a retry). */
        private void send(Runnable request) {
            request.run();
            sent.add(request);
            collect();
        }

        private void collect() {
            for (TestRecord<String, Outcome> record : fixture.readOutcomes()) {
                if (!TopologyFixture.isReplay(record)) {
                    decided.add(record.value());
                    if (record.value() instanceof Outcome.Succeeded success && success.result() instanceof Order order
                            && order.status() == OrderStatus.CONFIRMED && !orderIds.contains(order.orderId().text())) {
                        orderIds.add(order.orderId().text());
                    }
                }
            }
        }

        void checkInvariants() {
            fixture.driver.advanceWallClockTime(Duration.ofSeconds(30));
            collect();
            assertThat(orderIds).as("orders confirmed in this run").isNotEmpty();
            everyRequestHasExactlyOneOutcome();
            stockIsConservedAndNothingIsReserved();
            moneyIsConservedAndNothingIsHeld();
            noCouponIsUsedTwice();
        }

        private void everyRequestHasExactlyOneOutcome() {
            assertThat(decided).extracting(Outcome::requestId).doesNotHaveDuplicates();
            assertThat(decided).extracting(Outcome::requestId).containsExactlyInAnyOrderElementsOf(requestIds);
            assertThat(all(OrderTopology.ORDERS)).allSatisfy(entry ->
                    assertThat(((OrderSaga) entry.value).order().status()).isNotEqualTo(OrderStatus.PENDING));
            assertThat(all("running-orders")).isEmpty();
        }

        private void stockIsConservedAndNothingIsReserved() {
            Map<Long, Long> expected = new HashMap<>();
            for (long product = 1; product <= PRODUCTS; product++) {
                expected.put(product, 0L);
            }
            decided.stream().filter(outcome -> outcome instanceof Outcome.Succeeded)
                    .map(outcome -> adjustments.get(outcome.requestId())).filter(Objects::nonNull)
                    .forEach(adjustment -> expected.merge(adjustment.productId().value(), (long) adjustment.quantity(), Long::sum));
            List<OrderEvent> events = fixture.orderEvents.readValuesToList();
            for (OrderEvent event : events) {
                long sign = event.type() == OrderEvent.Type.CONFIRMED ? -1 : 1;
                for (OrderItem item : event.order().items()) {
                    expected.merge(item.productId().value(), sign * item.quantity(), Long::sum);
                }
            }
            KeyValueStore<String, StockedProduct> products = fixture.driver.getKeyValueStore(ProductTopology.PRODUCTS);
            for (long product = 1; product <= PRODUCTS; product++) {
                StockedProduct stocked = products.get(Long.toString(product));
                // a reservation takes its units off at once: a line left reserved, or released twice, shows here
                assertThat(stocked.onHand()).as("units of product %d on hand", product).isEqualTo(expected.get(product));
            }
            confirmedNotCancelled(events);
        }

        private void moneyIsConservedAndNothingIsHeld() {
            long charged = decided.stream().filter(outcome -> outcome instanceof Outcome.Succeeded success
                    && success.result() instanceof ChargeResult).mapToLong(outcome ->
                    ((ChargeResult) ((Outcome.Succeeded) outcome).result()).amount()).sum();
            List<LedgerEntry> ledger = fixture.ledger.readValuesToList();
            long paid = ledger.stream().filter(entry -> entry.type() == LedgerEntry.Type.PAYMENT).mapToLong(LedgerEntry::amount).sum();
            long refunded = ledger.stream().filter(entry -> entry.type() == LedgerEntry.Type.REFUND).mapToLong(LedgerEntry::amount).sum();
            assertThat(ledger).allSatisfy(entry -> assertThat(entry.balanceAfter()).isNotNegative());
            KeyValueStore<String, Wallet> wallets = fixture.driver.getKeyValueStore(WalletTopology.WALLETS);
            long balances = 0;
            for (long user = 1; user <= USERS; user++) {
                Wallet wallet = wallets.get(Long.toString(user));
                assertThat(wallet.held()).as("held by user %d", user).isZero();
                assertThat(wallet.balance()).isNotNegative();
                balances += wallet.balance();
            }
            assertThat(charged - paid + refunded).isEqualTo(balances);
        }

        private void noCouponIsUsedTwice() {
            Map<String, Integer> usedBy = new HashMap<>();
            for (KeyValue<String, Object> entry : all(OrderTopology.ORDERS)) {
                Order order = ((OrderSaga) entry.value).order();
                if (order.status() == OrderStatus.CONFIRMED && order.couponId() != null) {
                    usedBy.merge(order.userId().key() + "/" + order.couponId(), 1, Integer::sum);
                }
            }
            assertThat(usedBy.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
            for (KeyValue<String, Object> entry : all(CouponTopology.HELD_COUPONS)) {
                HeldCoupon held = (HeldCoupon) entry.value;
                assertThat(held.status()).isNotEqualTo(CouponStatus.RESERVED);
                boolean used = usedBy.containsKey(held.coupon().userId().key() + "/" + held.coupon().couponId());
                assertThat(held.status() == CouponStatus.USED).as("coupon %s used", held.coupon().couponId()).isEqualTo(used);
            }
        }

        /** An order's events are CONFIRMED, then at most one CANCELLED; never a cancel without a confirm. */
        private static void confirmedNotCancelled(List<OrderEvent> events) {
            Map<String, List<OrderEvent.Type>> byOrder = new HashMap<>();
            events.forEach(event -> byOrder.computeIfAbsent(event.order().orderId().text(), id -> new ArrayList<>()).add(event.type()));
            assertThat(byOrder.values()).allSatisfy(types -> assertThat(types).isIn(
                    List.of(OrderEvent.Type.CONFIRMED), List.of(OrderEvent.Type.CONFIRMED, OrderEvent.Type.CANCELLED)));
        }

        private List<KeyValue<String, Object>> all(String store) {
            List<KeyValue<String, Object>> entries = new ArrayList<>();
            fixture.driver.<String, Object>getKeyValueStore(store).all().forEachRemaining(entries::add);
            return entries;
        }

        private String id() {
            String requestId = "r" + nextRequest++;
            requestIds.add(requestId);
            return requestId;
        }

        private long user() {
            return 1 + random.nextInt(USERS);
        }

        private long product() {
            return 1 + random.nextInt(PRODUCTS);
        }
    }
}
