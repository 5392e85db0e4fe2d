package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A flash sale through HTTP on a real broker: one product with 1,000 units on a time sale, 5,000
 * buyers who can each afford one, some retrying their order with the same Idempotency-Key. Once
 * undisturbed and once with the processor (its own JVM) killed with SIGKILL mid-sale and restarted.
 */
class FlashSaleIT {

    private static final int BUYERS = 5_000;
    private static final int STOCK = 1_000;
    private static final long LIST_PRICE = 20_000;
    private static final long SALE_PRICE = 9_900;
    private static final long CHARGED = 10_000;
    private static final long FIRST_USER = 200_001;

    private static SystemStack stack;
    private static CrashableProcessor processor;
    private static String ingest;
    private static String query;

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        processor = new CrashableProcessor(stack, "orders-1");
        query = SystemStack.urlOf(stack.startQuery(List.of(processor.url())));
        ingest = SystemStack.urlOf(stack.startIngest(query));
        registerAndChargeBuyers(2 * BUYERS + 2);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void flashSaleConfirmsExactlyTheStockAndChargesExactlyTheBuyers() {
        long product = 9_001;
        givenProductOnSale(product, 1);

        Map<String, Http.Response> answers = sale(product, FIRST_USER, callNumber -> { });

        assertSaleExact(product, FIRST_USER, answers);
    }

    @Test
    void flashSaleStaysExactWhenTheProcessorIsKilledAndRestartedMidSale() {
        long product = 9_002;
        givenProductOnSale(product, 2);

        Map<String, Http.Response> answers = sale(product, FIRST_USER + BUYERS, callNumber -> {
            if (callNumber == 600) {
                processor.kill();
            }
            if (callNumber == 900) {
                processor.restart();
            }
        });

        assertSaleExact(product, FIRST_USER + BUYERS, answers);
    }

    @Test
    void anOrderWithACouponIsPlacedReadAndCancelledOnce() {
        long user = FIRST_USER + 2 * BUYERS;
        long product = 9_003;
        Instant now = Instant.now();
        assertThat(stack.http.put(ingest + "/api/v1/admin/products/" + product, "{\"name\":\"boots\",\"price\":4000}").status()).isEqualTo(200);
        assertThat(stack.http.post(ingest + "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":5}").status()).isEqualTo(200);
        assertThat(stack.http.put(ingest + "/api/v1/admin/coupon-campaigns/901", "{\"name\":\"fixed\",\"discountType\":\"FIXED\","
                + "\"discountValue\":1500,\"minOrderAmount\":5000,\"totalQuantity\":10,\"issueStartsAt\":\"" + now.minusSeconds(60)
                + "\",\"issueEndsAt\":\"" + now.plusSeconds(3_600) + "\",\"couponValidDays\":7}").status()).isEqualTo(200);
        assertThat(stack.http.post(ingest + "/api/v1/coupon-campaigns/901/issues", "{\"userId\":" + user + "}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.http.get(query + "/api/v1/users/" + user + "/coupons")
                .body().get("coupons").size() == 1);
        String order = "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":2}],\"couponId\":\"901-1\"}";

        Http.Response placed = stack.http.post(ingest + "/api/v1/orders", order, "Idempotency-Key", "flow-order");

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("totalAmount").asLong()).isEqualTo(8_000);
        assertThat(placed.body().get("discountAmount").asLong()).isEqualTo(1_500);
        assertThat(placed.body().get("paidAmount").asLong()).isEqualTo(6_500);
        assertThat(placed.body().get("status").asString()).isEqualTo("CONFIRMED");
        String orderId = placed.body().get("orderId").asString();
        assertThat(stack.http.post(ingest + "/api/v1/orders", order, "Idempotency-Key", "flow-order").body()).isEqualTo(placed.body());
        assertThat(stack.http.get(query + "/api/v1/orders/" + orderId).body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(stack.http.get(query + "/api/v1/products/" + product).body().get("stock").asInt()).isEqualTo(3);
        assertThat(stack.http.get(query + "/api/v1/wallets/" + user).body().get("balance").asLong()).isEqualTo(CHARGED - 6_500);
        assertThat(stack.http.post(ingest + "/api/v1/orders", order, "Idempotency-Key", "flow-order-again").code())
                .isEqualTo("COUPON_NOT_USABLE");

        Http.Response cancelled = stack.http.post(ingest + "/api/v1/orders/" + orderId + "/cancel", "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(stack.http.post(ingest + "/api/v1/orders/" + orderId + "/cancel", "").code()).isEqualTo("ORDER_NOT_CANCELLABLE");
        assertThat(stack.http.get(query + "/api/v1/wallets/" + user).body().get("balance").asLong()).isEqualTo(CHARGED);
        assertThat(stack.http.get(query + "/api/v1/products/" + product).body().get("stock").asInt()).isEqualTo(5);
        assertThat(stack.http.get(query + "/api/v1/users/" + user + "/coupons").body().get("coupons").get(0)
                .get("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void badOrderAndCatalogInputIsRefusedWithAReasonCodeAndChangesNothing() {
        long user = FIRST_USER + 2 * BUYERS + 1;
        long product = 9_004;
        stack.http.put(ingest + "/api/v1/admin/products/" + product, "{\"name\":\"cap\",\"price\":3000}");
        stack.http.post(ingest + "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":2}");
        String orders = ingest + "/api/v1/orders";
        String line = "{\"productId\":" + product + ",\"quantity\":1}";

        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[]}"), 400, "INVALID_ORDER");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + "}"), 400, "INVALID_ORDER");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":\"1\"}]}"),
                400, "INVALID_ORDER");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":0}]}"),
                400, "INVALID_ORDER");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[" + line + "," + line + "]}"), 400, "INVALID_ORDER");
        assertRefused(stack.http.post(orders, "{\"userId\":-1,\"items\":[" + line + "]}"), 400, "INVALID_USER_ID");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[{\"productId\":9999,\"quantity\":1}]}"),
                404, "PRODUCT_NOT_FOUND");
        assertRefused(stack.http.post(orders, "{\"userId\":99999999,\"items\":[" + line + "]}"), 404, "USER_NOT_FOUND");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":4}]}"),
                409, "INSUFFICIENT_BALANCE");
        assertRefused(stack.http.post(orders, "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":3}]}"),
                409, "OUT_OF_STOCK");
        assertRefused(stack.http.post(ingest + "/api/v1/orders/abc/cancel", ""), 400, "INVALID_ORDER_ID");
        assertRefused(stack.http.post(ingest + "/api/v1/orders/" + user + "-99/cancel", ""), 404, "ORDER_NOT_FOUND");
        assertRefused(stack.http.get(query + "/api/v1/orders/" + user + "-99"), 404, "ORDER_NOT_FOUND");
        assertRefused(stack.http.put(ingest + "/api/v1/admin/products/" + product, "{\"name\":\"cap\",\"price\":-5}"), 400, "INVALID_PRODUCT");
        assertRefused(stack.http.put(ingest + "/api/v1/admin/products/x", "{\"name\":\"cap\",\"price\":5}"), 400, "INVALID_PRODUCT_ID");
        assertRefused(stack.http.post(ingest + "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":-3}"), 409, "STOCK_BELOW_ZERO");
        Instant now = Instant.now();
        String sale = "{\"productId\":" + product + ",\"salePrice\":2000,\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(600) + "\"}";
        assertThat(stack.http.put(ingest + "/api/v1/admin/time-sales/31", sale).status()).isEqualTo(200);
        assertRefused(stack.http.put(ingest + "/api/v1/admin/time-sales/32", sale), 409, "TIME_SALE_OVERLAP");
        assertRefused(stack.http.put(ingest + "/api/v1/admin/time-sales/33", sale.replace("\"salePrice\":2000", "\"salePrice\":3000")), 400, "INVALID_TIME_SALE");
        assertRefused(stack.http.get(query + "/api/v1/products/9999"), 404, "PRODUCT_NOT_FOUND");

        JsonNode unchanged = stack.http.get(query + "/api/v1/products/" + product).body();
        assertThat(unchanged.get("price").asLong()).isEqualTo(3_000);
        assertThat(unchanged.get("stock").asInt()).isEqualTo(2);
        assertThat(stack.http.get(query + "/api/v1/wallets/" + user).body().get("balance").asLong()).isEqualTo(CHARGED);
    }

    private static void assertRefused(Http.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Every buyer orders one unit once; every tenth order is sent twice with its key, half of those at the end. */
    private static Map<String, Http.Response> sale(long product, long firstBuyer, IntConsumer beforeCall) {
        Semaphore inFlight = new Semaphore(500);
        Map<String, CompletableFuture<Http.Response>> first = new HashMap<>();
        List<CompletableFuture<Http.Response>> retries = new ArrayList<>();
        List<Long> retriedLater = new ArrayList<>();
        for (int n = 0; n < BUYERS; n++) {
            beforeCall.accept(n);
            long buyer = firstBuyer + n;
            first.put(keyOf(product, buyer), orderAsync(inFlight, product, buyer));
            if (n % 10 == 0) {
                retries.add(orderAsync(inFlight, product, buyer));
            } else if (n % 10 == 5) {
                retriedLater.add(buyer);
            }
        }
        CompletableFuture.allOf(first.values().toArray(CompletableFuture[]::new)).join();
        retriedLater.forEach(buyer -> retries.add(orderAsync(inFlight, product, buyer)));
        CompletableFuture.allOf(retries.toArray(CompletableFuture[]::new)).join();
        retries.forEach(retry -> assertAnswered(retry.join()));
        return first.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().join()));
    }

    private static void assertSaleExact(long product, long firstBuyer, Map<String, Http.Response> answers) {
        answers.values().forEach(FlashSaleIT::assertAnswered);
        Ledgers ledgers = new Ledgers(stack);
        Set<String> keys = answers.keySet();
        List<Map<String, List<Outcome>>> decided = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            decided.set(0, ledgers.decisionsOf(keys));
            return decided.get(0).size() == keys.size();
        });
        assertThat(decided.get(0)).allSatisfy((key, outcomes) -> assertThat(outcomes).as(key).hasSize(1));

        List<Order> confirmed = decided.get(0).values().stream().map(outcomes -> outcomes.get(0))
                .filter(Outcome.Succeeded.class::isInstance)
                .map(outcome -> (Order) ((Outcome.Succeeded) outcome).result()).toList();
        assertThat(confirmed).hasSize(STOCK);
        assertThat(confirmed).allSatisfy(order -> {
            assertThat(order.paidAmount()).isEqualTo(SALE_PRICE);
            assertThat(order.items()).singleElement().satisfies(item -> assertThat(item.unitPrice()).isEqualTo(SALE_PRICE));
        });
        Set<Long> winners = confirmed.stream().map(order -> order.userId().value()).collect(Collectors.toSet());
        assertThat(winners).hasSize(STOCK);
        assertThat(decided.get(0).values()).map(outcomes -> outcomes.get(0)).filteredOn(Outcome.Rejected.class::isInstance)
                .allSatisfy(outcome -> assertThat(((Outcome.Rejected) outcome).code().name()).isIn("OUT_OF_STOCK", "ORDER_TIMED_OUT"));

        JsonNode read = stack.http.get(query + "/api/v1/products/" + product).body();
        assertThat(read.get("stock").asInt()).isZero();
        assertThat(read.get("salePrice").asLong()).isEqualTo(SALE_PRICE);

        Set<String> buyerKeys = IntStream.range(0, BUYERS).mapToObj(n -> Long.toString(firstBuyer + n)).collect(Collectors.toSet());
        List<LedgerEntry> ledger = ledgers.ledgerOf(buyerKeys);
        assertThat(ledger).filteredOn(entry -> entry.type() == LedgerEntry.Type.PAYMENT)
                .extracting(entry -> entry.userId().value()).containsExactlyInAnyOrderElementsOf(winners);
        assertThat(ledger).filteredOn(entry -> entry.type() == LedgerEntry.Type.PAYMENT)
                .allSatisfy(entry -> assertThat(entry.amount()).isEqualTo(SALE_PRICE));
        assertThat(ledger).noneMatch(entry -> entry.type() == LedgerEntry.Type.REFUND);

        JsonSerde<OrderEvent> events = JsonSerde.of(OrderEvent.class);
        List<OrderEvent> sold = stack.readCommitted(Topics.ORDER_EVENTS).stream()
                .map(record -> events.deserialize(record.topic(), record.value()))
                .filter(event -> event.order().items().get(0).productId().value() == product).toList();
        assertThat(sold).extracting(event -> event.order().orderId())
                .containsExactlyInAnyOrderElementsOf(confirmed.stream().map(Order::orderId).toList());

        Map<Long, JsonNode> wallets = wallets(firstBuyer);
        assertThat(wallets).allSatisfy((buyer, wallet) -> {
            assertThat(wallet.get("held").asLong()).as("held by %d", buyer).isZero();
            assertThat(wallet.get("balance").asLong()).as("balance of %d", buyer)
                    .isEqualTo(winners.contains(buyer) ? CHARGED - SALE_PRICE : CHARGED);
        });

        // the ranking counts every confirmed order once, also when the processor crashed mid-sale
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(rankedCounts(product)).isEqualTo(STOCK + " orders, " + STOCK + " units"));
    }

    /** The product's counts in {@code GET /api/v1/products/popular}, or what the answer was instead. */
    private static String rankedCounts(long product) {
        Http.Response popular = stack.http.get(query + "/api/v1/products/popular");
        if (popular.status() != 200) {
            return "status " + popular.status();
        }
        for (JsonNode entry : popular.body().get("products")) {
            if (entry.get("productId").asLong() == product) {
                return entry.get("orderCount").asInt() + " orders, " + entry.get("quantity").asLong() + " units";
            }
        }
        return "not ranked: " + popular.body();
    }

    /**
     * 201, or 409 {@code OUT_OF_STOCK}; 202 when the wait for the outcome runs out (a busy machine, a
     * restarting processor); 503 {@code ORDER_TIMED_OUT} when the processor was down past an order's deadline.
     */
    private static void assertAnswered(Http.Response answer) {
        assertThat(answer.status()).isIn(201, 202, 409, 503);
        if (answer.status() == 409 || answer.status() == 503) {
            assertThat(answer.code()).isIn("OUT_OF_STOCK", "ORDER_TIMED_OUT");
        }
    }

    /** Every buyer's wallet, read through the query API. */
    private static Map<Long, JsonNode> wallets(long firstBuyer) {
        Semaphore inFlight = new Semaphore(100);
        Map<Long, CompletableFuture<Http.Response>> reads = new HashMap<>();
        for (int n = 0; n < BUYERS; n++) {
            inFlight.acquireUninterruptibly();
            reads.put(firstBuyer + n, stack.http.getAsync(query + "/api/v1/wallets/" + (firstBuyer + n))
                    .whenComplete((response, error) -> inFlight.release()));
        }
        Map<Long, JsonNode> wallets = new HashMap<>();
        reads.forEach((buyer, read) -> wallets.put(buyer, read.join().body()));
        return wallets;
    }

    private static void givenProductOnSale(long product, long sale) {
        Instant now = Instant.now();
        assertThat(stack.http.put(ingest + "/api/v1/admin/products/" + product,
                "{\"name\":\"hot deal\",\"price\":" + LIST_PRICE + "}").status()).isEqualTo(200);
        assertThat(stack.http.put(ingest + "/api/v1/admin/time-sales/" + sale, "{\"productId\":" + product
                + ",\"salePrice\":" + SALE_PRICE + ",\"startsAt\":\"" + now.minusSeconds(60)
                + "\",\"endsAt\":\"" + now.plusSeconds(3_600) + "\"}").status()).isEqualTo(200);
        Http.Response stocked = stack.http.post(ingest + "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":" + STOCK + "}");
        assertThat(stocked.status()).isEqualTo(200);
        assertThat(stocked.body().get("stock").asInt()).isEqualTo(STOCK);
        // the users' tasks price from their copy of the catalog, which follows the product's task by a moment
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.readCommitted(Topics.PRODUCTS).stream()
                .filter(record -> record.key().equals(Long.toString(product))).count() == 2);
    }

    private static CompletableFuture<Http.Response> orderAsync(Semaphore inFlight, long product, long buyer) {
        inFlight.acquireUninterruptibly();
        return stack.http.postAsync(ingest + "/api/v1/orders",
                        "{\"userId\":" + buyer + ",\"items\":[{\"productId\":" + product + ",\"quantity\":1}]}",
                        "Idempotency-Key", keyOf(product, buyer))
                .whenComplete((response, error) -> inFlight.release());
    }

    private static String keyOf(long product, long buyer) {
        return "sale-" + product + "-" + buyer;
    }

    /**
     * Registers the buyers (and two users for the flow tests) and charges each {@link #CHARGED} straight on the command topics (not what is
     * under test, and much faster than HTTP); charges go once every registration is in, as a client's would.
     */
    private static void registerAndChargeBuyers(int count) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, RegisterUser> producer = new KafkaProducer<>(config,
                new StringSerializer(), JsonSerde.of(RegisterUser.class))) {
            for (int n = 0; n < count; n++) {
                UserId user = new UserId(FIRST_USER + n);
                producer.send(new ProducerRecord<>(Topics.USER_COMMANDS, user.key(),
                        new RegisterUser("register-" + user, user, "buyer", Instant.now())));
            }
        }
        Set<String> registrations = IntStream.range(0, count).mapToObj(n -> "register-" + (FIRST_USER + n)).collect(Collectors.toSet());
        Ledgers ledgers = new Ledgers(stack);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledgers.decisionsPerRequest(registrations).size() == count);
        try (KafkaProducer<String, ChargeWallet> producer = new KafkaProducer<>(config,
                new StringSerializer(), JsonSerde.of(ChargeWallet.class))) {
            for (int n = 0; n < count; n++) {
                UserId user = new UserId(FIRST_USER + n);
                producer.send(new ProducerRecord<>(Topics.WALLET_COMMANDS, user.key(),
                        new ChargeWallet("charge-" + user, user, CHARGED, Instant.now())));
            }
        }
        Set<String> charges = IntStream.range(0, count).mapToObj(n -> "charge-" + (FIRST_USER + n)).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledgers.decisionsPerRequest(charges).size() == count);
    }
}
