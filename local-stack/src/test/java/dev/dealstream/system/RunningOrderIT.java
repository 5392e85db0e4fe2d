package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.local.ChildProcess;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;

/**
 * An order is looked up while its saga runs. The user's processor runs in this JVM and the product's
 * in its own, which the test freezes (SIGSTOP) once the products are set up: the order's stock request
 * then waits in the product's partition, so the order stays running in its user's task for as long as
 * the test needs, and goes on when the product's processor is let go (SIGCONT).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "freezes a process with kill -STOP")
class RunningOrderIT {

    private static final long PRICE = 4_000;

    private static SystemStack stack;
    private static String usersProcessor;
    private static String productsProcessor;
    private static ChildProcess productsProcess;
    private static String ingest;
    private static String query;

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        usersProcessor = SystemStack.urlOf(stack.startProcessor("running-order-1"));
        int port = SystemStack.freePort();
        productsProcess = stack.startProcessorProcess("running-order-2", port);
        productsProcessor = "http://127.0.0.1:" + port;
        query = SystemStack.urlOf(stack.startQuery(List.of(usersProcessor)));
        ingest = SystemStack.urlOf(stack.startIngest(query));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aRunningOrderReadsPendingAndThenConfirmedUnderTheSameId() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                stack.partitionOwners(usersProcessor, QueryableStores.WALLETS).containsAll(List.of(usersProcessor, productsProcessor)));
        long user = firstOwnedBy(QueryableStores.WALLETS, usersProcessor);
        long product = firstOwnedBy(QueryableStores.PRODUCTS, productsProcessor);
        assertThat(stack.http.put(ingest + "/api/v1/admin/users/" + user, "{\"name\":\"u" + user + "\"}").status()).isEqualTo(200);
        assertThat(stack.http.post(ingest + "/api/v1/wallets/" + user + "/charges", "{\"amount\":10000}").status()).isEqualTo(200);
        assertThat(stack.http.put(ingest + "/api/v1/admin/products/" + product, "{\"name\":\"lamp\",\"price\":" + PRICE + "}").status())
                .isEqualTo(200);
        assertThat(stack.http.post(ingest + "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":5}").status()).isEqualTo(200);

        String orderId;
        signal("-STOP");
        try {
            String order = "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":1}]}";
            assertThat(stack.http.post(ingest + "/api/v1/orders", order, "Idempotency-Key", "running-order",
                    "Prefer", "respond-async").status()).isEqualTo(202);
            orderId = user + "-" + (offsetOf("running-order") + 1);

            await().atMost(Duration.ofSeconds(20)).until(() -> stack.http.get(query + "/api/v1/orders/" + orderId).status() == 200);
            JsonNode running = stack.http.get(query + "/api/v1/orders/" + orderId).body();
            assertThat(running.get("status").asString()).isEqualTo("PENDING");
            assertThat(running.get("totalAmount").asLong()).isEqualTo(PRICE);
        } finally {
            signal("-CONT");
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                "CONFIRMED".equals(stack.http.get(query + "/api/v1/orders/" + orderId).body().get("status").asString()));
        JsonNode decided = stack.http.get(query + "/api/v1/requests/running-order").body();
        assertThat(decided.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(decided.get("result").get("orderId").asString()).isEqualTo(orderId);
        assertThat(stack.http.get(query + "/api/v1/products/" + product).body().get("stock").asInt()).isEqualTo(4);
        assertThat(stack.http.get(query + "/api/v1/wallets/" + user).body().get("balance").asLong()).isEqualTo(10_000 - PRICE);
    }

    /** Freezes or lets go the product's processor. */
    private static void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(productsProcess.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** The offset of the order request with {@code requestId} in its partition of {@code order.requests}. */
    private static long offsetOf(String requestId) {
        String quoted = "\"" + requestId + "\"";
        return await().atMost(Duration.ofSeconds(20)).until(() -> stack.readCommitted(Topics.ORDER_REQUESTS).stream()
                        .filter(record -> new String(record.value(), StandardCharsets.UTF_8).contains(quoted))
                        .map(record -> record.offset()).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** The first id from 3001 whose partition of {@code store} is active on {@code processor}. */
    private static long firstOwnedBy(String store, String processor) {
        List<String> owners = stack.partitionOwners(usersProcessor, store);
        return LongStream.iterate(3001, id -> id + 1)
                .filter(id -> processor.equals(SystemStack.ownerOf(owners, id)))
                .findFirst().orElseThrow();
    }
}
