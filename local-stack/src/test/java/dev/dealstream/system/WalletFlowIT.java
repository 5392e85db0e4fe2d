package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Users and charges through HTTP, on a real broker, with one processor. */
class WalletFlowIT {

    private static SystemStack stack;
    private static String ingest;
    private static String query;
    private static Ledgers ledgers;

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        ConfigurableApplicationContext processor = stack.startProcessor("wallet-flow-1");
        query = SystemStack.urlOf(stack.startQuery(List.of(SystemStack.urlOf(processor))));
        ingest = SystemStack.urlOf(stack.startIngest(query));
        ledgers = new Ledgers(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void concurrentChargesWithRetriedKeysApplyEachDistinctChargeExactlyOnce() {
        long user = 1001;
        register(user);
        int distinct = 1_000;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            keys.add("charge-" + user + "-" + i);
        }
        long expectedBalance = IntStream.range(0, distinct).mapToLong(WalletFlowIT::amountOf).sum();
        Semaphore inFlight = new Semaphore(250);
        List<CompletableFuture<Http.Response>> firstRound = new ArrayList<>();
        List<CompletableFuture<Http.Response>> retries = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            firstRound.add(charge(inFlight, user, keys.get(i), amountOf(i)));
            if (i % 10 == 0) {
                // a retry while the first call is still in flight
                retries.add(charge(inFlight, user, keys.get(i), amountOf(i)));
            }
        }
        CompletableFuture.allOf(firstRound.toArray(CompletableFuture[]::new)).join();
        for (int i = 5; i < distinct; i += 10) {
            // a retry after the first call has answered
            retries.add(charge(inFlight, user, keys.get(i), amountOf(i)));
        }
        CompletableFuture.allOf(retries.toArray(CompletableFuture[]::new)).join();

        assertThat(retries).hasSize(200);
        for (CompletableFuture<Http.Response> call : concat(firstRound, retries)) {
            assertThat(call.join().status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(balance(user)).isEqualTo(expectedBalance));
        Map<String, Long> decisions = ledgers.decisionsPerRequest(new HashSet<>(keys));
        assertThat(decisions).hasSize(distinct).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        List<LedgerEntry> ledger = ledgers.ledgerOf(Set.of(Long.toString(user)));
        assertThat(ledger).hasSize(distinct);
        assertThat(ledger.stream().mapToLong(LedgerEntry::amount).sum()).isEqualTo(expectedBalance);
    }

    @Test
    void retryAnswersWithTheFirstOutcomeAndReusedKeyIsRefused() {
        long user = 1002;
        register(user);

        Http.Response first = stack.http.post(chargeUrl(user), "{\"amount\":5000}", "Idempotency-Key", "retry-me");
        Http.Response retry = stack.http.post(chargeUrl(user), "{\"amount\":5000}", "Idempotency-Key", "retry-me");
        Http.Response reused = stack.http.post(chargeUrl(user), "{\"amount\":7000}", "Idempotency-Key", "retry-me");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(user)).isEqualTo(5000);
    }

    @Test
    void badInputIsRefusedWithAReasonCodeAndChangesNothing() {
        long user = 1003;
        register(user);
        stack.http.post(chargeUrl(user), "{\"amount\":5000}");
        List<String> badKeys = new ArrayList<>();

        assertRefused(badKeys, chargeUrl(user), "{}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":\"5000\"}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":5000.5}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":-5000}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":999}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":1000001}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":99999999999999999999999}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":null}", 400, "INVALID_AMOUNT");
        assertRefused(badKeys, chargeUrl(user), "[5000]", 400, "MALFORMED_REQUEST");
        assertRefused(badKeys, chargeUrl(user), "{\"amount\":", 400, "MALFORMED_REQUEST");
        assertRefused(badKeys, chargeUrl(user), "", 400, "MALFORMED_REQUEST");
        assertRefused(badKeys, ingest + "/api/v1/wallets/abc/charges", "{\"amount\":5000}", 400, "INVALID_USER_ID");
        assertRefused(badKeys, ingest + "/api/v1/wallets/0/charges", "{\"amount\":5000}", 400, "INVALID_USER_ID");
        assertRefused(badKeys, ingest + "/api/v1/wallets/424242/charges", "{\"amount\":5000}", 404, "USER_NOT_FOUND");
        String oversized = "{\"amount\":5000,\"padding\":\"" + "x".repeat(20_000) + "\"}";
        assertRefused(badKeys, chargeUrl(user), oversized, 413, "PAYLOAD_TOO_LARGE");
        assertRefused(badKeys, ingest + "/api/v1/admin/users/1004", "{\"name\":\"\"}", 400, "INVALID_USER");
        assertRefused(badKeys, ingest + "/api/v1/admin/users/1004", "{\"name\":7}", 400, "INVALID_USER");
        Http.Response chunked = stack.http.send(HttpRequest.newBuilder(URI.create(chargeUrl(user)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(oversized.getBytes(StandardCharsets.UTF_8)))));
        Http.Response badKey = stack.http.post(chargeUrl(user), "{\"amount\":5000}", "Idempotency-Key", "x".repeat(65));
        Http.Response textBody = stack.http.send(HttpRequest.newBuilder(URI.create(chargeUrl(user)))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("5000")));

        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(textBody.status()).isEqualTo(415);
        assertThat(textBody.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(balance(user)).isEqualTo(5000);
        assertThat(ledgers.ledgerOf(Set.of(Long.toString(user)))).hasSize(1);
        assertThat(ledgers.ledgerOf(Set.of("424242", "1004"))).isEmpty();
        assertThat(stack.http.get(query + "/api/v1/wallets/1004").code()).isEqualTo("USER_NOT_FOUND");
        // only the unknown user's charge reached a processor (to be refused there); the others never left the edge
        assertThat(ledgers.decisionsPerRequest(new HashSet<>(badKeys)).keySet()).containsExactly("bad-13");
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextCommandIsProcessed() {
        long user = 1005;
        register(user);
        String garbage = "{\"requestId\":\"broken\",\"userId\":1005,\"amount\":\"lots\"}";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.WALLET_COMMANDS, Long.toString(user), garbage.getBytes(StandardCharsets.UTF_8)));
        }

        Http.Response next = stack.http.post(chargeUrl(user), "{\"amount\":3000}");

        assertThat(next.status()).isEqualTo(200);
        assertThat(balance(user)).isEqualTo(3000);
        List<ConsumerRecord<String, byte[]>> deadLetters = stack.readCommitted(Topics.deadLetterTopicOf(Topics.WALLET_COMMANDS));
        assertThat(deadLetters).anySatisfy(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(garbage);
            assertThat(record.headers().lastHeader(HeaderNames.DLQ_REASON)).isNotNull();
        });
    }

    @Test
    void respondAsyncAnswers202AndTheStatusLookupFindsTheOutcome() {
        long user = 1006;
        register(user);

        Http.Response accepted = stack.http.post(chargeUrl(user), "{\"amount\":4000}",
                "Prefer", "respond-async", "Idempotency-Key", "async-1");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.location()).isEqualTo(query + "/api/v1/requests/async-1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response status = stack.http.get(accepted.location());
            assertThat(status.body().get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(status.body().get("result").get("balance").asLong()).isEqualTo(4000);
        });
        assertThat(stack.http.get(query + "/api/v1/requests/never-sent").body().get("status").asString()).isEqualTo("PENDING");
    }

    private static long amountOf(int i) {
        return 1_000L + (i % 9) * 1_000L;
    }

    private void assertRefused(List<String> keys, String url, String body, int status, String code) {
        String key = "bad-" + keys.size();
        keys.add(key);
        Http.Response response = url.contains("/admin/")
                ? stack.http.put(url, body, "Idempotency-Key", key)
                : stack.http.post(url, body, "Idempotency-Key", key);
        assertThat(response.status()).as(body).isEqualTo(status);
        assertThat(response.code()).as(body).isEqualTo(code);
        assertThat(response.contentType()).as(body).isEqualTo("application/problem+json");
    }

    private static CompletableFuture<Http.Response> charge(Semaphore inFlight, long user, String key, long amount) {
        inFlight.acquireUninterruptibly();
        return stack.http.postAsync(chargeUrl(user), "{\"amount\":" + amount + "}", "Idempotency-Key", key)
                .whenComplete((response, error) -> inFlight.release());
    }

    private static void register(long user) {
        assertThat(stack.http.put(ingest + "/api/v1/admin/users/" + user, "{\"name\":\"user " + user + "\"}").status()).isEqualTo(200);
    }

    private static long balance(long user) {
        Http.Response wallet = stack.http.get(query + "/api/v1/wallets/" + user);
        assertThat(wallet.status()).isEqualTo(200);
        return wallet.body().get("balance").asLong();
    }

    private static String chargeUrl(long user) {
        return ingest + "/api/v1/wallets/" + user + "/charges";
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
