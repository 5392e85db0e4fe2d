package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor runs in its own JVM and is killed with SIGKILL mid-load (no close, no final commit),
 * then restarted on the same state folder: every charge is still applied exactly once.
 */
class ProcessorCrashIT {

    private static final int USERS = 50;
    private static final int CHARGES = 3_000;

    private static SystemStack stack;
    private static CrashableProcessor processor;
    private static String ingest;
    private static String query;

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        processor = new CrashableProcessor(stack, "crash-1");
        query = SystemStack.urlOf(stack.startQuery(List.of(processor.url())));
        ingest = SystemStack.urlOf(stack.startIngest(query));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void killedProcessorRestartsWithExactBalancesAndNoDuplicateFacts() {
        for (int user = 1; user <= USERS; user++) {
            assertThat(stack.http.put(ingest + "/api/v1/admin/users/" + userId(user), "{\"name\":\"crash\"}").status()).isEqualTo(200);
        }
        Map<Long, Long> expected = new HashMap<>();
        List<String> keys = new ArrayList<>();
        Semaphore inFlight = new Semaphore(100);
        List<CompletableFuture<Http.Response>> calls = new ArrayList<>();

        for (int i = 0; i < CHARGES; i++) {
            long user = userId(i % USERS + 1);
            long amount = 1_000L + (i % 7) * 1_000L;
            String key = "crash-charge-" + i;
            keys.add(key);
            expected.merge(user, amount, Long::sum);
            calls.add(send(inFlight, user, key, amount));
            if (i == CHARGES / 3) {
                processor.kill();
            }
            if (i == CHARGES / 3 + 300) {
                processor.restart();
            }
        }
        // clients that saw no answer retry with the same key: none may be applied twice
        for (int i = 0; i < CHARGES; i += 10) {
            calls.add(send(inFlight, userId(i % USERS + 1), keys.get(i), 1_000L + (i % 7) * 1_000L));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        for (CompletableFuture<Http.Response> call : calls) {
            assertThat(call.join().status()).isIn(200, 202);
        }
        Ledgers ledgers = new Ledgers(stack);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledgers.decisionsPerRequest(new HashSet<>(keys)).size() == CHARGES);
        Map<String, Long> decisions = ledgers.decisionsPerRequest(new HashSet<>(keys));
        assertThat(decisions).hasSize(CHARGES).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        assertThat(ledgers.outcomesOf(new HashSet<>(keys))).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOf(Outcome.Succeeded.class));
        for (Map.Entry<Long, Long> user : expected.entrySet()) {
            Http.Response wallet = stack.http.get(query + "/api/v1/wallets/" + user.getKey());
            assertThat(wallet.status()).isEqualTo(200);
            assertThat(wallet.body().get("balance").asLong()).as("user %s", user.getKey()).isEqualTo(user.getValue());
        }
        Set<String> userKeys = new HashSet<>();
        expected.keySet().forEach(user -> userKeys.add(Long.toString(user)));
        List<LedgerEntry> ledger = ledgers.ledgerOf(userKeys);
        assertThat(ledger).hasSize(CHARGES);
        assertThat(Ledgers.countBy(ledger, LedgerEntry::entryId)).hasSize(CHARGES);
        assertThat(ledger.stream().mapToLong(LedgerEntry::amount).sum())
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    }

    private static long userId(int n) {
        return 3000 + n;
    }

    private static CompletableFuture<Http.Response> send(Semaphore inFlight, long user, String key, long amount) {
        inFlight.acquireUninterruptibly();
        return stack.http.postAsync(ingest + "/api/v1/wallets/" + user + "/charges", "{\"amount\":" + amount + "}",
                        "Idempotency-Key", key, "Prefer", "respond-async")
                .whenComplete((response, error) -> inFlight.release());
    }
}
