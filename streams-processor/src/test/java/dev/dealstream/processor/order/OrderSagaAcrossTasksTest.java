package dev.dealstream.processor.order;

import static dev.dealstream.processor.support.TopologyFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.catalog.StockedProduct;
import dev.dealstream.processor.ranking.RankingTopology;
import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderLine;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the saga, each in a driver of its own, with the test carrying the stock requests and
 * the replies between them when a random schedule says so: replies come late, after their order timed
 * out or after a refusal from another line, while other orders are placed. Nothing is kept per order
 * on the products' side, so this is where a release sent twice, or not at all, would show: after
 * every schedule each product's stock is its initial stock less the units of the confirmed orders, the
 * wallet has paid exactly those orders and holds nothing, and every order has one outcome.
 */
class OrderSagaAcrossTasksTest {

    private static final long USER = 7;
    private static final int PRODUCTS = 3;
    private static final int STOCK = 6;
    private static final long CHARGED = 100_000;
    private static final int SCHEDULES = 40;
    private static final int STEPS = 80;

    @Test
    void everyScheduleOfRepliesAndTimeoutsLeavesStockAndMoneyExact() {
        for (long seed = 1; seed <= SCHEDULES; seed++) {
            try (Schedule schedule = new Schedule(new Random(seed))) {
                schedule.run();
                schedule.assertExact("schedule " + seed);
            }
        }
    }

    /** The products' side of the production topology: their commands, stock requests and ranking. */
    private static Topology productSide(TopologySettings settings) {
        Topology topology = new Topology();
        ProductTopology.addTo(topology, settings);
        RankingTopology.addTo(topology, settings);
        return topology;
    }

    private static final class Schedule implements AutoCloseable {

        private final Random random;
        private final TopologyFixture users = new TopologyFixture(OrderSagaTopologyTest.userSide(TopologySettings.DEFAULT));
        private final TopologyFixture products = new TopologyFixture(productSide(TopologySettings.DEFAULT));
        private final TestOutputTopic<String, StockReply> replies = products.driver.createOutputTopic(
                Topics.STOCK_REPLIES, new StringDeserializer(), JsonSerde.of(StockReply.class));
        private final Deque<StockRequest> toProducts = new ArrayDeque<>();
        private final Deque<StockReply> toUsers = new ArrayDeque<>();
        private final List<String> placed = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();

        Schedule(Random random) {
            this.random = random;
            users.register(USER, "register");
            users.charge(USER, "charge", CHARGED);
            for (long product = 1; product <= PRODUCTS; product++) {
                products.defineProduct(product, 1_000 * product, "define-" + product);
                products.adjustStock(product, STOCK, "stock-" + product);
            }
            products.products.readKeyValuesToList().forEach(entry -> users.catalog.pipeInput(entry.key, entry.value));
            users.readOutcomes();
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                switch (random.nextInt(4)) {
                    case 0 -> place();
                    case 1 -> deliverToProducts(1 + random.nextInt(3));
                    case 2 -> deliverToUsers(1 + random.nextInt(3));
                    default -> timeOut();
                }
            }
            while (!toProducts.isEmpty() || !toUsers.isEmpty()) {
                deliverToProducts(toProducts.size());
                deliverToUsers(toUsers.size());
            }
        }

        private void place() {
            List<Long> chosen = LongStream.rangeClosed(1, PRODUCTS).boxed().collect(Collectors.toCollection(ArrayList::new));
            Collections.shuffle(chosen, random);
            OrderLine[] lines = chosen.subList(0, 1 + random.nextInt(PRODUCTS)).stream()
                    .map(product -> line(product, 1 + random.nextInt(3))).toArray(OrderLine[]::new);
            String requestId = "order-" + placed.size();
            placed.add(requestId);
            users.place(USER, requestId, null, TopologyFixture.START, lines);
            collectFromUsers();
        }

        private void timeOut() {
            users.driver.advanceWallClockTime(Duration.ofSeconds(11));
            collectFromUsers();
        }

        private void deliverToProducts(int count) {
            for (int i = 0; i < count && !toProducts.isEmpty(); i++) {
                StockRequest request = toProducts.poll();
                products.stockRequestsIn.pipeInput(request.productId().key(), request);
            }
            toUsers.addAll(replies.readValuesToList());
        }

        private void deliverToUsers(int count) {
            for (int i = 0; i < count && !toUsers.isEmpty(); i++) {
                users.stockReplies.pipeInput(Long.toString(USER), toUsers.poll());
            }
            collectFromUsers();
        }

        private void collectFromUsers() {
            toProducts.addAll(users.stockRequests.readValuesToList());
            users.readOutcomes().forEach(record -> outcomes.add(record.value()));
        }

        void assertExact(String description) {
            assertThat(outcomes).as(description).extracting(Outcome::requestId).containsExactlyInAnyOrderElementsOf(placed);
            Map<Long, Integer> sold = new HashMap<>();
            long paid = 0;
            for (Outcome outcome : outcomes) {
                if (outcome instanceof Outcome.Succeeded succeeded && succeeded.result() instanceof Order order) {
                    paid += order.paidAmount();
                    for (OrderItem item : order.items()) {
                        sold.merge(item.productId().value(), item.quantity(), Integer::sum);
                    }
                }
            }
            for (long product = 1; product <= PRODUCTS; product++) {
                StockedProduct stocked = products.driver.<String, StockedProduct>getKeyValueStore(ProductTopology.PRODUCTS)
                        .get(Long.toString(product));
                assertThat(stocked.onHand()).as("%s: units of product %d on hand", description, product)
                        .isEqualTo(STOCK - sold.getOrDefault(product, 0));
            }
            Wallet wallet = users.driver.<String, Wallet>getKeyValueStore(WalletTopology.WALLETS).get(Long.toString(USER));
            assertThat(wallet.held()).as(description).isZero();
            assertThat(wallet.balance()).as(description).isEqualTo(CHARGED - paid);
        }

        @Override
        public void close() {
            users.close();
            products.close();
        }
    }
}
