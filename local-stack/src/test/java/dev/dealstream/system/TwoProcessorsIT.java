package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.processor.ranking.RankingTopology;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.KeyPartitioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two processor instances share the partitions; the query API finds each user's owner, finds a
 * request's outcome on whichever instance decided it, and the ranking merges the products counted on both.
 */
class TwoProcessorsIT {

    private static SystemStack stack;
    private static String first;
    private static String second;
    private static String ingest;
    private static String query;

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        ConfigurableApplicationContext one = stack.startProcessor("two-processors-1");
        ConfigurableApplicationContext two = stack.startProcessor("two-processors-2");
        first = SystemStack.urlOf(one);
        second = SystemStack.urlOf(two);
        // only the first is named: any instance tells where every partition lives
        query = SystemStack.urlOf(stack.startQuery(List.of(first)));
        ingest = SystemStack.urlOf(stack.startIngest(query));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void usersOnEitherInstanceAreChargedAndReadBackThroughTheQueryApi() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOfWallets().containsAll(List.of(first, second)));
        assertThat(instancesDeciding(2001, 2040)).containsExactlyInAnyOrder(first, second);

        for (long user = 2001; user <= 2040; user++) {
            registerAndCharge(user);
        }

        for (long user = 2001; user <= 2040; user++) {
            Http.Response wallet = stack.http.get(query + "/api/v1/wallets/" + user);
            assertThat(wallet.status()).isEqualTo(200);
            assertThat(wallet.body().get("balance").asLong()).isEqualTo(user * 10);
        }
    }

    @Test
    void aRequestDecidedOnEitherInstanceIsFoundByItsIdAlone() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOfWallets().containsAll(List.of(first, second)));
        assertThat(instancesDeciding(2101, 2120)).containsExactlyInAnyOrder(first, second);

        for (long user = 2101; user <= 2120; user++) {
            registerAndCharge(user, "Idempotency-Key", "two-charge-" + user);
        }

        for (long user = 2101; user <= 2120; user++) {
            JsonNode status = stack.http.get(query + "/api/v1/requests/two-charge-" + user).body();
            assertThat(status.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(status.get("result").get("balance").asLong()).isEqualTo(user * 10);
        }
        assertThat(stack.http.get(query + "/api/v1/requests/two-never-sent").body().get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void anOutcomeIsPublishedOnThePartitionOfTheTaskThatDecidedIt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOfWallets().containsAll(List.of(first, second)));

        for (long user = 2201; user <= 2220; user++) {
            registerAndCharge(user, "Idempotency-Key", "partition-charge-" + user);
        }

        Map<String, Integer> outcomePartitions = stack.readCommitted(Topics.REQUEST_OUTCOMES).stream()
                .filter(record -> record.key().startsWith("partition-charge-"))
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::partition));
        for (long user = 2201; user <= 2220; user++) {
            assertThat(outcomePartitions).containsEntry("partition-charge-" + user,
                    KeyPartitioner.partitionOf(Long.toString(user), SystemStack.PARTITIONS));
        }
    }

    /** Registers {@code user} and charges 10 won per unit of its id, each answered 200. */
    private static void registerAndCharge(long user, String... chargeHeaders) {
        assertThat(stack.http.put(ingest + "/api/v1/admin/users/" + user, "{\"name\":\"u" + user + "\"}").status()).isEqualTo(200);
        assertThat(stack.http.post(ingest + "/api/v1/wallets/" + user + "/charges", "{\"amount\":" + user * 10 + "}",
                chargeHeaders).status()).isEqualTo(200);
    }

    /** The instances whose wallet partitions hold users {@code from} to {@code to}. */
    private static Set<String> instancesDeciding(long from, long to) {
        List<String> owners = stack.partitionOwners(first, QueryableStores.WALLETS);
        Set<String> deciding = new HashSet<>();
        for (long user = from; user <= to; user++) {
            deciding.add(SystemStack.ownerOf(owners, user));
        }
        return deciding;
    }

    @Test
    void anInstanceRefusesAKeyItDoesNotOwn() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOfWallets().containsAll(List.of(first, second)));
        long user = 2001;
        String owner = SystemStack.ownerOf(stack.partitionOwners(first, QueryableStores.WALLETS), user);
        String other = owner.equals(first) ? second : first;

        Http.Response misdirected = stack.http.get(other + "/internal/wallets/" + user);

        assertThat(misdirected.status()).isEqualTo(421);
        assertThat(misdirected.code()).isEqualTo("NOT_OWNER");
    }

    @Test
    void ordersPlacedThroughHttpAreRankedWithinFiveSecondsAcrossBothInstances() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOf(RankingTopology.HOURLY_COUNTS).containsAll(List.of(first, second)));
        List<Long> products = productsCountedAlternatelyOnEachInstance(stack.partitionOwners(first, RankingTopology.HOURLY_COUNTS), 6);
        for (long product : products) {
            assertThat(stack.http.put(ingest + "/api/v1/admin/products/" + product,
                    "{\"name\":\"p" + product + "\",\"price\":1000}").status()).isEqualTo(200);
            assertThat(stack.http.post(ingest + "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":100}").status())
                    .isEqualTo(200);
        }
        for (long user = 3101; user <= 3103; user++) {
            assertThat(stack.http.put(ingest + "/api/v1/admin/users/" + user, "{\"name\":\"u" + user + "\"}").status()).isEqualTo(200);
            assertThat(stack.http.post(ingest + "/api/v1/wallets/" + user + "/charges", "{\"amount\":100000}").status()).isEqualTo(200);
        }
        long p1 = products.get(0);
        long p2 = products.get(1);
        long p3 = products.get(2);
        long p4 = products.get(3);
        long p5 = products.get(4);
        long p6 = products.get(5);

        order(3101, p1, 2, p2, 1);
        order(3101, p1, 1);
        order(3101, p3, 1);
        order(3102, p1, 1, p3, 1);
        order(3102, p2, 2);
        String bigOrder = order(3102, p4, 5);
        order(3103, p1, 1);
        order(3103, p2, 1, p5, 1);
        order(3103, p6, 1);

        // orders, then units, then productId: p5 and p6 tie on both
        List<String> expected = List.of(entry(1, p1, 4, 5), entry(2, p2, 3, 4), entry(3, p3, 2, 2), entry(4, p4, 1, 5),
                entry(5, Math.min(p5, p6), 1, 1));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> popular().equals(expected));

        assertThat(stack.http.post(ingest + "/api/v1/orders/" + bigOrder + "/cancel", "").status()).isEqualTo(200);
        List<String> afterCancel = List.of(entry(1, p1, 4, 5), entry(2, p2, 3, 4), entry(3, p3, 2, 2),
                entry(4, Math.min(p5, p6), 1, 1), entry(5, Math.max(p5, p6), 1, 1));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> popular().equals(afterCancel));
        Http.Response answer = stack.http.get(query + "/api/v1/products/popular");
        assertThat(answer.body().get("asOf").asString()).isNotBlank();
        assertThat(answer.body().get("products").get(0).get("name").asString()).isEqualTo("p" + p1);
    }

    /** Places an order of the given (product, quantity) pairs; returns its orderId once it is confirmed. */
    private static String order(long user, long... productsAndQuantities) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            items.add("{\"productId\":" + productsAndQuantities[i] + ",\"quantity\":" + productsAndQuantities[i + 1] + "}");
        }
        Http.Response placed = stack.http.post(ingest + "/api/v1/orders",
                "{\"userId\":" + user + ",\"items\":[" + String.join(",", items) + "]}");
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("status").asString()).isEqualTo("CONFIRMED");
        return placed.body().get("orderId").asString();
    }

    /** The ranking as {@code rank:productId:orderCount:quantity} entries, or empty while it is not ready. */
    private static List<String> popular() {
        Http.Response answer = stack.http.get(query + "/api/v1/products/popular");
        List<String> entries = new ArrayList<>();
        if (answer.status() == 200) {
            answer.body().get("products").forEach(product -> entries.add(entry(product.get("rank").asInt(),
                    product.get("productId").asLong(), product.get("orderCount").asInt(), product.get("quantity").asLong())));
        }
        return entries;
    }

    private static String entry(int rank, long productId, int orderCount, long quantity) {
        return rank + ":" + productId + ":" + orderCount + ":" + quantity;
    }

    /** {@code count} product ids whose ranking partitions belong to the first and second instance in turn. */
    private static List<Long> productsCountedAlternatelyOnEachInstance(List<String> owners, int count) {
        List<Long> products = new ArrayList<>();
        for (long product = 3001; products.size() < count; product++) {
            if ((products.size() % 2 == 0 ? first : second).equals(SystemStack.ownerOf(owners, product))) {
                products.add(product);
            }
        }
        return products;
    }

    private static Set<String> ownersOfWallets() {
        return ownersOf(QueryableStores.WALLETS);
    }

    private static Set<String> ownersOf(String store) {
        return new HashSet<>(stack.partitionOwners(first, store));
    }
}
