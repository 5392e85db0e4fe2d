package dev.dealstream.ingest.support;

import dev.dealstream.topics.request.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The requests of this instance that are waiting for their outcome, by request id. Several waiters
 * can share an id (a retry arriving while the first call still waits); one outcome answers them all.
 */
final class OutcomeWaiters {

    /** One waiting call: the fingerprint of what it asked for, and where its outcome goes. */
    record Waiter(String requestId, String fingerprint, CompletableFuture<Outcome> outcome) {
    }

    private final Map<String, List<Waiter>> byRequestId = new ConcurrentHashMap<>();

    Waiter register(String requestId, String fingerprint) {
        Waiter waiter = new Waiter(requestId, fingerprint, new CompletableFuture<>());
        byRequestId.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>()).add(waiter);
        return waiter;
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
