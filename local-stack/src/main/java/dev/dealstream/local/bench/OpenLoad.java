package dev.dealstream.local.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-model load generator: request i is due at start + i / rate whether or not earlier ones have
 * answered, and its latency is measured from when it was due, so queueing is not hidden
 * (no coordinated omission).
 */
final class OpenLoad {

    /** One request to send: the HTTP request and the request id its outcome will carry. */
    record Call(String requestId, HttpRequest request) {
    }

    /** What a run measured. */
    static final class Result {
        final Latencies http = new Latencies();
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();

        long errors(int expectedStatus) {
            return statuses.entrySet().stream()
                    .filter(status -> !status.getKey().equals(Integer.toString(expectedStatus)))
                    .mapToLong(status -> status.getValue().get()).sum();
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Sends {@code rate} calls per second for {@code duration}, then waits for the last answers.
     *
     * @param dueAt called with each call's request id and due time (nanoTime), before it is sent
     */
    Result run(int rate, Duration duration, LongFunction<Call> calls, DueListener dueAt) {
        Result result = new Result();
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        double intervalNanos = 1e9 / rate;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Call call = calls.apply(i);
            dueAt.due(call.requestId(), due);
            result.sent.incrementAndGet();
            http.sendAsync(call.request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                result.http.add((System.nanoTime() - due) / 1000);
                String status = error != null ? "error:" + error.getClass().getSimpleName() : Integer.toString(response.statusCode());
                result.statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                result.answered.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (result.answered.get() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000);
        }
        return result;
    }

    @FunctionalInterface
    interface DueListener {
        void due(String requestId, long dueNanos);
    }
}
