package dev.dealstream.processor.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One task's running sagas, in memory: each saga as the {@code running-orders} store holds it, their
 * deadlines, earliest first, and the requests that placed them. The task's processor fills it from
 * that store when it starts and keeps it beside it, so both hold the same sagas. A new order's request
 * is checked against it instead of a store read that nearly always misses, and a stock reply finds its
 * saga here instead of reading and parsing it from the store.
 */
final class RunningSagas {

    private record Deadline(Instant at, String orderId) {
    }

    private final NavigableSet<Deadline> deadlines =
            new TreeSet<>(Comparator.comparing(Deadline::at).thenComparing(Deadline::orderId));
    private final Set<String> placingRequests = new HashSet<>();
    private final Map<String, OrderSaga> sagas = new HashMap<>();

    void add(OrderSaga saga) {
        deadlines.add(deadlineOf(saga));
        placingRequests.add(saga.requestId());
        sagas.put(saga.order().orderId().text(), saga);
    }

    /** Replaces a running saga by its next state (a line reserved); its request and deadline stay. */
    void update(OrderSaga saga) {
        sagas.replace(saga.order().orderId().text(), saga);
    }

    void remove(OrderSaga saga) {
        deadlines.remove(deadlineOf(saga));
        placingRequests.remove(saga.requestId());
        sagas.remove(saga.order().orderId().text());
    }

    /** The saga of {@code orderId} while it runs; null once it has ended, or if it is no order of this task's. */
    OrderSaga saga(String orderId) {
        return sagas.get(orderId);
    }

    /** True while the saga that {@code requestId} placed runs: a retry must not place a second order. */
    boolean isPlacing(String requestId) {
        return placingRequests.contains(requestId);
    }

    /**
     * The ids of the orders whose deadline is {@code now} or earlier, earliest first; each is due once.
     * They stay placing until the caller ends them ({@link #remove}).
     */
    List<String> takeDue(Instant now) {
        List<String> due = new ArrayList<>();
        while (!deadlines.isEmpty() && !deadlines.first().at().isAfter(now)) {
            due.add(deadlines.pollFirst().orderId());
        }
        return due;
    }

    private static Deadline deadlineOf(OrderSaga saga) {
        return new Deadline(saga.deadline(), saga.order().orderId().text());
    }
}
