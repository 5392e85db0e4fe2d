package dev.dealstream.processor.order;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.coupon.CouponTopology;
import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.order.CancelOrder;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderCommand;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.order.PlaceOrder;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The orders of the users this task owns, beside their wallets and coupons: places and cancels
 * orders ({@code order.requests}), takes in the products' answers ({@code order.stock-replies}), and
 * applies the {@link Orders} decisions — stock requests to the products, ledger entries, order events
 * and, when an order ends, its outcome. A placed order's outcome comes when its products have
 * answered; a wall-clock punctuator rejects the orders whose answers do not come in time.
 */
final class OrderProcessor implements Processor<String, byte[], String, Object> {

    /** How often pending orders are checked against their deadline. */
    static final Duration TIMEOUT_CHECK = Duration.ofSeconds(1);

    private final CommandPipeline<OrderCommand> pipeline;
    private final JsonSerde<StockReply> replyReader = JsonSerde.of(StockReply.class);
    private final JsonSerde<Product> productReader = JsonSerde.of(Product.class);
    private final Duration timeout;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, OrderSaga> orders;
    private KeyValueStore<String, OrderSaga> runningOrders;
    private RunningSagas running;
    private KeyValueStore<String, Wallet> wallets;
    private KeyValueStore<String, HeldCoupon> coupons;
    private KeyValueStore<String, byte[]> catalog;

    OrderProcessor(Duration timeout, CommandTask task, Duration requestRetention) {
        this.pipeline = new CommandPipeline<>(OrderCommand.class, command -> command.userId().key(), task, requestRetention);
        this.timeout = timeout;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        pipeline.init(context);
        orders = context.getStateStore(OrderTopology.ORDERS);
        runningOrders = context.getStateStore(OrderTopology.RUNNING_ORDERS);
        wallets = context.getStateStore(WalletTopology.WALLETS);
        coupons = context.getStateStore(CouponTopology.HELD_COUPONS);
        catalog = context.getStateStore(ProductTopology.CATALOG);
        running = runningSagasOf(runningOrders);
        context.schedule(TIMEOUT_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> timeOut(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        boolean reply = context.recordMetadata().map(RecordMetadata::topic).filter(Topics.STOCK_REPLIES::equals).isPresent();
        if (reply) {
            DeadLetters.read(context, record, replyReader, read -> read.orderId().userId().key()).ifPresent(read ->
                    reply(read, Instant.ofEpochMilli(context.currentSystemTimeMs()), record.timestamp()));
        } else {
            pipeline.processDeferrable(record, (command, now) -> command instanceof PlaceOrder place
                    ? place(place, orderNumber(), now, record.timestamp())
                    : Optional.of(cancel((CancelOrder) command, now, record.timestamp())));
        }
    }

    /**
     * The number of the order that the request being processed places: one more than the request's
     * offset in its partition of {@code order.requests}. All of a user's orders come through that one
     * partition, so the numbers grow with each order and never repeat, and a replay after a crash reads
     * the same offset and so gives the same number. A store of each user's count cost a read and a
     * write per order.
     */
    private long orderNumber() {
        return context.recordMetadata().orElseThrow().offset() + 1;
    }

    /** Places the order, or refuses it; empty while it is under way (its outcome comes when it ends). */
    private Optional<Outcome> place(PlaceOrder command, long orderNumber, Instant now, long timestamp) {
        if (running.isPlacing(command.requestId())) {
            return Optional.empty();
        }
        String userKey = command.userId().key();
        OrderId orderId = new OrderId(command.userId(), orderNumber);
        OrderDecision decision = Orders.place(command, orderId, wallets.get(userKey),
                couponOf(command.userId(), command.couponId()), this::catalogEntry, now.plus(timeout), now);
        if (decision instanceof OrderDecision.Refused refused) {
            return Optional.of(Outcome.rejected(command, refused.code(), refused.detail(), now));
        }
        OrderDecision.Placed placed = (OrderDecision.Placed) decision;
        OrderSaga saga = placed.saga();
        wallets.put(userKey, placed.wallet());
        if (placed.coupon() != null) {
            putCoupon(placed.coupon());
        }
        runningOrders.put(orderId.text(), saga);
        running.add(saga);
        send(placed.reservations(), timestamp);
        return Optional.empty();
    }

    private Outcome cancel(CancelOrder command, Instant now, long timestamp) {
        OrderSaga saga = endedOrRunning(command.orderId());
        OrderDecision decision = Orders.cancel(saga, command, wallets.get(command.userId().key()),
                saga == null ? null : couponOf(saga.order()), now);
        if (decision instanceof OrderDecision.Settled settled) {
            apply(settled.settlement(), timestamp);
            return Outcome.succeeded(command, settled.settlement().saga().order(), now);
        }
        OrderDecision.Refused refused = (OrderDecision.Refused) decision;
        return Outcome.rejected(command, refused.code(), refused.detail(), now);
    }

    private void reply(StockReply reply, Instant now, long timestamp) {
        OrderSaga saga = running.saga(reply.orderId().text());
        if (saga == null) {
            send(Orders.lateReleases(reply), timestamp);
            return;
        }
        String userKey = saga.order().userId().key();
        OrderDecision decision = Orders.reply(saga, reply, wallets.get(userKey), couponOf(saga.order()), now);
        if (decision instanceof OrderDecision.Waiting waiting) {
            if (!waiting.saga().equals(saga)) {
                // a repeated reply changes nothing, and writes nothing
                runningOrders.put(reply.orderId().text(), waiting.saga());
                running.update(waiting.saga());
            }
        } else {
            end(saga, ((OrderDecision.Settled) decision).settlement(), reply.isReserved() ? null : reply, now, timestamp);
        }
    }

    /**
     * The sagas that were running when the task stopped, read from its store. Streams calls
     * {@code init} once the stores are restored (after a crash or an aborted transaction too), so the
     * running sagas in memory always match the store.
     */
    static RunningSagas runningSagasOf(KeyValueStore<String, OrderSaga> runningOrders) {
        RunningSagas running = new RunningSagas();
        try (KeyValueIterator<String, OrderSaga> all = runningOrders.all()) {
            all.forEachRemaining(entry -> running.add(entry.value));
        }
        return running;
    }

    /** The order as it ended, or while it runs; null when this task has no such order. */
    private OrderSaga endedOrRunning(OrderId orderId) {
        OrderSaga ended = orders.get(orderId.text());
        return ended != null ? ended : running.saga(orderId.text());
    }

    /** Compensates every running order whose deadline has passed. */
    private void timeOut(Instant now) {
        for (String orderId : running.takeDue(now)) {
            OrderSaga saga = running.saga(orderId);
            String userKey = saga.order().userId().key();
            Settlement settlement = Orders.compensate(saga, wallets.get(userKey), couponOf(saga.order()), now);
            end(saga, settlement, null, now, now.toEpochMilli());
        }
    }

    /** Ends a pending saga: applies its settlement and publishes the outcome of the request that placed it. */
    private void end(OrderSaga pending, Settlement settlement, StockReply refusal, Instant now, long timestamp) {
        apply(settlement, timestamp);
        // a null put deletes without reading the old value, which delete() reads and parses: a saga's JSON
        runningOrders.put(pending.order().orderId().text(), null);
        running.remove(pending);
        Outcome outcome;
        if (settlement.saga().order().status() == OrderStatus.CONFIRMED) {
            outcome = new Outcome.Succeeded(pending.requestId(), pending.fingerprint(), settlement.saga().order(), now);
        } else if (refusal != null) {
            outcome = new Outcome.Rejected(pending.requestId(), pending.fingerprint(), refusal.refusal(),
                    refusal.detail(), null, now);
        } else {
            outcome = new Outcome.Rejected(pending.requestId(), pending.fingerprint(), ReasonCode.ORDER_TIMED_OUT,
                    "the stock of order " + pending.order().orderId() + " was not reserved within " + timeout, null, now);
        }
        pipeline.outcomes().decide(outcome, timestamp);
    }

    private void apply(Settlement settlement, long timestamp) {
        OrderSaga saga = settlement.saga();
        String userKey = saga.order().userId().key();
        orders.put(saga.order().orderId().text(), saga);
        wallets.put(userKey, settlement.wallet());
        if (settlement.coupon() != null) {
            putCoupon(settlement.coupon());
        }
        send(settlement.stockRequests(), timestamp);
        if (settlement.ledgerEntry() != null) {
            context.forward(new Record<>(userKey, settlement.ledgerEntry(), timestamp), OrderTopology.LEDGER_SINK);
        }
        if (settlement.event() != null) {
            context.forward(new Record<>(saga.order().orderId().text(), settlement.event(), timestamp), OrderTopology.EVENTS_SINK);
        }
    }

    private void send(List<StockRequest> requests, long timestamp) {
        for (StockRequest request : requests) {
            context.forward(new Record<>(request.productId().key(), request, timestamp), OrderTopology.STOCK_REQUESTS_SINK);
        }
    }

    /** The order's coupon as the user holds it, or null when it uses none. */
    private HeldCoupon couponOf(Order order) {
        return couponOf(order.userId(), order.couponId());
    }

    /** The coupon {@code couponId} as {@code user} holds it; null when the id is null or the user holds no such coupon. */
    private HeldCoupon couponOf(UserId user, String couponId) {
        return couponId == null ? null : coupons.get(CouponTopology.heldCouponKey(user, couponId));
    }

    private void putCoupon(HeldCoupon held) {
        coupons.put(CouponTopology.heldCouponKey(held.coupon().userId(), held.coupon().couponId()), held);
    }

    private Product catalogEntry(ProductId product) {
        byte[] entry = catalog.get(product.key());
        return entry == null ? null : productReader.deserialize(Topics.PRODUCTS, entry);
    }
}
