package dev.dealstream.processor.order;

import dev.dealstream.processor.coupon.CouponTopology;
import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Orders, in the user's task beside the wallet and the coupon book: {@code order.requests} and the
 * products' {@code order.stock-replies} in; stock requests to the products, {@code wallet.ledger},
 * {@code order.events} and the outcomes out. Added after the wallet and coupon topologies, whose
 * stores it shares; the caller adds its processor to the user's command task.
 */
public final class OrderTopology {

    /** Orders (as sagas) that have ended, confirmed, rejected or cancelled, by orderId. */
    public static final String ORDERS = QueryableStores.ORDERS;
    /**
     * Orders (as sagas) while they run, by orderId: an order is here from its placement until it ends,
     * then in {@link #ORDERS}. The running sagas are also kept in memory ({@link RunningSagas}), read
     * from here when the task starts; the store is what survives a restart.
     */
    static final String RUNNING_ORDERS = "running-orders";
    public static final String PROCESSOR = "order-processor";
    static final String STOCK_REQUESTS_SINK = "order-stock-requests-sink";
    static final String LEDGER_SINK = "order-ledger-sink";
    static final String EVENTS_SINK = "order-events-sink";

    private OrderTopology() {
    }

    public static void addTo(Topology topology, TopologySettings settings, CommandTask task) {
        // one processor for both topics: an order's saga state and its outcome are written in one place
        CommandSource.add(topology, List.of(Topics.ORDER_REQUESTS, Topics.STOCK_REPLIES), PROCESSOR,
                () -> new OrderProcessor(settings.orderTimeout(), task, settings.requestRetention()));
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDERS),
                Serdes.String(), JsonSerde.of(OrderSaga.class)), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RUNNING_ORDERS),
                Serdes.String(), JsonSerde.of(OrderSaga.class)), PROCESSOR);
        topology.connectProcessorAndStateStores(PROCESSOR, WalletTopology.WALLETS, CouponTopology.HELD_COUPONS);
        topology.addSink(STOCK_REQUESTS_SINK, Topics.STOCK_REQUESTS, new StringSerializer(),
                JsonSerde.of(StockRequest.class), PROCESSOR);
        topology.addSink(LEDGER_SINK, Topics.WALLET_LEDGER, new StringSerializer(), JsonSerde.of(LedgerEntry.class), PROCESSOR);
        topology.addSink(EVENTS_SINK, Topics.ORDER_EVENTS, new StringSerializer(), JsonSerde.of(OrderEvent.class), PROCESSOR);
    }
}
