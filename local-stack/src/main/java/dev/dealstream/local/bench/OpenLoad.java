package dev.dealstream.local.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-model load generator in the manner of wrk2: request i is due at start + i / rate whether or
 * not earlier ones have answered; a fixed set of persistent connections sends them, and a request
 * waiting for a free connection is still timed from when it was due, so queueing anywhere shows in the
 * latency (no coordinated omission).
 */
final class OpenLoad {

    /** One request to send: the request id its outcome will carry, and the raw HTTP/1.1 request. */
    record Call(String requestId, byte[] request) {
    }

    /** What a run measured. */
    static final class Result {
        final Latencies http = new Latencies();
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
    }

    private record Due(Call call, long dueNanos) {
    }

    private final String host;
    private final int port;
    private final int connections;

    OpenLoad(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.connections = connections;
    }

    /**
     * Offers {@code rate} calls per second for {@code duration}, then waits for the last answers.
     *
     * @param dueAt called with each call's request id and due time (nanoTime) when it becomes due
     */
    Result run(int rate, Duration duration, LongFunction<Call> calls, DueListener dueAt) throws InterruptedException {
        Result result = new Result();
        BlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread sender = new Thread(() -> send(queue, result), "load-" + c);
            sender.start();
            senders.add(sender);
        }
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
            queue.add(new Due(call, due));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (result.answered.get() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000);
        }
        senders.forEach(Thread::interrupt);
        for (Thread sender : senders) {
            sender.join();
        }
        return result;
    }

    private void send(BlockingQueue<Due> queue, Result result) {
        try (Http1Connection connection = new Http1Connection(host, port)) {
            while (!Thread.currentThread().isInterrupted()) {
                Due next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                String status;
                try {
                    status = Integer.toString(connection.send(next.call().request()));
                } catch (IOException | RuntimeException e) {
                    connection.close();
                    status = "error:" + e.getClass().getSimpleName();
                }
                result.http.add((System.nanoTime() - next.dueNanos()) / 1000);
                result.statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                result.answered.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface DueListener {
        void due(String requestId, long dueNanos);
    }
}
