package dev.dealstream.processor.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The deadlines of one task's running sagas, in memory, earliest first. The task's processor fills it
 * from its stores when it starts and keeps it beside them.
 */
final class OrderDeadlines {

    private record Deadline(Instant at, String orderId) {
    }

    private final NavigableSet<Deadline> deadlines =
            new TreeSet<>(Comparator.comparing(Deadline::at).thenComparing(Deadline::orderId));

    void add(OrderSaga saga) {
        deadlines.add(deadlineOf(saga));
    }

    void remove(OrderSaga saga) {
        deadlines.remove(deadlineOf(saga));
    }

    /** The ids of the orders whose deadline is {@code now} or earlier, earliest first; each is due once. */
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
