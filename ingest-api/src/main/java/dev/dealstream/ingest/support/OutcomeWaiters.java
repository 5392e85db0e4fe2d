package dev.dealstream.ingest.support;

import dev.dealstream.topics.request.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The requests of this instance that are waiting for their outcome, by request id. Several waiters
 * can share an id (a retry arriving while the first call still waits); one outcome answers them all.
 *
 * <p>Every call waits equally long, so the calls in the order they registered are also in the order
 * their waits end, and one periodic {@link #expireOverdue} ends them from the head of that queue. A
 * timer per call ({@code CompletableFuture.completeOnTimeout}) cost the ingest about a tenth of its
 * CPU at 5,000 calls/s: each call scheduled a task and woke the JDK's timer thread.
 */
final class OutcomeWaiters {

    /** One waiting call: the fingerprint of what it asked for, where its outcome goes, when its wait ends. */
    record Waiter(String requestId, String fingerprint, CompletableFuture<Outcome> outcome, long deadlineNanos) {
    }

    private final Map<String, List<Waiter>> byRequestId = new ConcurrentHashMap<>();
    private final Queue<Waiter> byDeadline = new ConcurrentLinkedQueue<>();
    private final long waitNanos;

    /** @param wait how long a call waits for its outcome */
    OutcomeWaiters(Duration wait) {
        this.waitNanos = wait.toNanos();
    }

    Waiter register(String requestId, String fingerprint) {
        Waiter waiter = new Waiter(requestId, fingerprint, new CompletableFuture<>(), System.nanoTime() + waitNanos);
        byRequestId.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>()).add(waiter);
        byDeadline.add(waiter);
        return waiter;
    }

    /**
     * Ends the wait of every call whose wait is over at {@code nowNanos} ({@link System#nanoTime()}): its
     * outcome completes empty, and the caller answers that the request is still pending. A call answered
     * before is left as it was answered. Called from one thread only.
     */
    void expireOverdue(long nowNanos) {
        for (Waiter head = byDeadline.peek(); head != null && head.deadlineNanos() - nowNanos <= 0; head = byDeadline.peek()) {
            byDeadline.poll();
            head.outcome().complete(null);
        }
    }

    /** Cheap check before an outcome is even parsed: most outcomes on the topic are other instances'. */
    boolean isWaitingFor(String requestId) {
        return byRequestId.containsKey(requestId);
    }

    void complete(Outcome outcome) {
        List<Waiter> waiters = byRequestId.remove(outcome.requestId());
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.outcome().complete(outcome));
        }
    }

    /** Stops waiting (answered, timed out or failed); the id's entry goes when its last waiter does. */
    void forget(Waiter waiter) {
        byRequestId.computeIfPresent(waiter.requestId(), (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    int waiting() {
        return byRequestId.size();
    }
}
