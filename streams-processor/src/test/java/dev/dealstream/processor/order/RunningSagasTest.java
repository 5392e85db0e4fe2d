package dev.dealstream.processor.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class RunningSagasTest {

    private static final Instant T = Instant.parse("2026-12-02T12:00:00Z");

    private final RunningSagas running = new RunningSagas();

    @Test
    void anOrderIsDueAtItsDeadlineNotBeforeAndOnlyOnce() {
        running.add(saga(1, T));

        assertThat(running.takeDue(T.minusMillis(1))).isEmpty();
        assertThat(running.takeDue(T)).containsExactly("7-1");
        assertThat(running.takeDue(T.plusSeconds(60))).isEmpty();
    }

    @Test
    void dueOrdersComeEarliestFirstAndLaterOnesWait() {
        running.add(saga(3, T.plusSeconds(2)));
        running.add(saga(1, T));
        running.add(saga(2, T));
        running.add(saga(4, T.plusSeconds(5)));

        assertThat(running.takeDue(T.plusSeconds(2))).containsExactly("7-1", "7-2", "7-3");
        assertThat(running.takeDue(T.plusSeconds(5))).containsExactly("7-4");
    }

    @Test
    void anEndedSagaIsNeverDue() {
        OrderSaga ended = saga(1, T);
        running.add(ended);
        running.add(saga(2, T));

        running.remove(ended);

        assertThat(running.takeDue(T)).containsExactly("7-2");
    }

    @Test
    void aRequestIsPlacingFromItsSagasStartUntilItEndsEvenPastItsDeadline() {
        OrderSaga saga = saga(1, T);
        assertThat(running.isPlacing("request-1")).isFalse();

        running.add(saga);
        running.takeDue(T);
        assertThat(running.isPlacing("request-1")).as("due, not yet ended").isTrue();

        running.remove(saga);
        assertThat(running.isPlacing("request-1")).isFalse();
    }

    @Test
    void aSagaIsFoundInItsLatestStateWhileItRunsAndNotOnceItEnded() {
        OrderSaga placed = new OrderSaga(saga(1, T).order(), "request-1", "fingerprint",
                List.of(new ProductId(1), new ProductId(2)), T);
        running.add(placed);
        OrderSaga oneLineReserved = placed.reserved(new ProductId(1));

        running.update(oneLineReserved);

        assertThat(running.saga("7-1")).isEqualTo(oneLineReserved);
        running.remove(oneLineReserved);
        assertThat(running.saga("7-1")).isNull();
        assertThat(running.takeDue(T)).as("its deadline went with it").isEmpty();
    }

    @Test
    void aRestartedTaskFindsTheDeadlinesOfTheSagasRunningInItsStores() {
        KeyValueStore<String, OrderSaga> runningOrders = store("running-orders", JsonSerde.of(OrderSaga.class));
        for (OrderSaga saga : List.of(saga(1, T), saga(2, T.plusSeconds(1)))) {
            runningOrders.put(saga.order().orderId().text(), saga);
        }

        RunningSagas restarted = OrderProcessor.runningSagasOf(runningOrders);

        assertThat(restarted.isPlacing("request-1")).isTrue();
        assertThat(restarted.saga("7-2")).isEqualTo(saga(2, T.plusSeconds(1)));
        assertThat(restarted.takeDue(T.plusSeconds(1))).containsExactly("7-1", "7-2");
    }

    private static OrderSaga saga(long number, Instant deadline) {
        OrderId orderId = new OrderId(new UserId(7), number);
        Order order = new Order(orderId, new UserId(7), List.of(new OrderItem(new ProductId(1), 1, 1_000)), 1_000, 0, 1_000,
                null, OrderStatus.PENDING, T.minusSeconds(10), T.minusSeconds(10));
        return new OrderSaga(order, "request-" + number, "fingerprint", List.of(new ProductId(1)), deadline);
    }

    private static <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
