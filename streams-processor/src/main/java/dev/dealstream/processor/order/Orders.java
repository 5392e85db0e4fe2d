package dev.dealstream.processor.order;

import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.order.CancelOrder;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderStatus;
import dev.dealstream.topics.order.PlaceOrder;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The decisions of an order's saga in its user's task, where the user's wallet, coupons and orders
 * live: place (price, hold the amount, reserve the coupon), then confirm or compensate once the
 * products have answered or the saga timed out, and cancel a confirmed order.
 */
public final class Orders {

    private Orders() {
    }

    /**
     * Places {@code command} as order {@code orderId}, or refuses it before any stock is touched.
     *
     * @param wallet  the user's wallet, null when the user is not registered
     * @param coupon  the coupon the order names, as the user holds it; null when it names none or the user holds no such coupon
     * @param catalog the catalog entry of a product, null when it is not in the catalog
     */
    public static OrderDecision place(PlaceOrder command, OrderId orderId, Wallet wallet, HeldCoupon coupon,
                                      Function<ProductId, Product> catalog, Instant deadline, Instant now) {
        String violation = command.violation();
        if (violation != null) {
            return new OrderDecision.Refused(ReasonCode.INVALID_ORDER, violation);
        }
        if (wallet == null) {
            return new OrderDecision.Refused(ReasonCode.USER_NOT_FOUND, "user " + command.userId() + " is not registered");
        }
        Pricing.Priced priced = Pricing.price(command.lines(), catalog, command.acceptedAt());
        if (!priced.unknown().isEmpty()) {
            return new OrderDecision.Refused(ReasonCode.PRODUCT_NOT_FOUND,
                    "not in the catalog: product " + priced.unknown().get(0));
        }
        long discount = 0;
        HeldCoupon reserved = null;
        if (command.couponId() != null) {
            String unusable = whyUnusable(coupon, command, priced.total());
            if (unusable != null) {
                return new OrderDecision.Refused(ReasonCode.COUPON_NOT_USABLE, unusable);
            }
            discount = Pricing.discount(coupon.coupon(), priced.total());
            reserved = coupon.with(CouponStatus.RESERVED);
        }
        long paid = priced.total() - discount;
        if (paid > wallet.available()) {
            return new OrderDecision.Refused(ReasonCode.INSUFFICIENT_BALANCE, "the order costs " + paid
                    + " and " + wallet.available() + " of the balance is available");
        }
        Order order = new Order(orderId, command.userId(), priced.items(), priced.total(), discount, paid,
                command.couponId(), OrderStatus.PENDING, command.acceptedAt(), now);
        List<ProductId> products = priced.items().stream().map(OrderItem::productId).toList();
        OrderSaga saga = new OrderSaga(order, command.requestId(), command.fingerprint(), products, deadline);
        return new OrderDecision.Placed(saga, wallet.hold(paid, now), reserved, saga.stockRequests(StockRequest.Action.RESERVE));
    }

    /** Takes in a product's answer for a running (pending) order: the order waits for more, or settles. */
    public static OrderDecision reply(OrderSaga saga, StockReply reply, Wallet wallet, HeldCoupon coupon, Instant now) {
        if (!saga.awaiting().contains(reply.productId())) {
            return new OrderDecision.Waiting(saga);
        }
        if (!reply.isReserved()) {
            return new OrderDecision.Settled(compensate(saga, wallet, coupon, now));
        }
        OrderSaga reserved = saga.reserved(reply.productId());
        return reserved.awaiting().isEmpty()
                ? new OrderDecision.Settled(confirm(reserved, wallet, coupon, now))
                : new OrderDecision.Waiting(reserved);
    }

    /**
     * A product's answer for an order that is not running: it ended first (a line refused, or it timed
     * out), or it is no order of this task's. Reserved units go back. Each reply comes once
     * (exactly-once processing), so a reserved line is released once.
     */
    public static List<StockRequest> lateReleases(StockReply reply) {
        return reply.isReserved() ? List.of(reply.release()) : List.of();
    }

    /** Every line is reserved, so its units are sold: the held amount is paid and the coupon used. */
    static Settlement confirm(OrderSaga saga, Wallet wallet, HeldCoupon coupon, Instant now) {
        Order order = saga.order();
        Order confirmed = order.withStatus(OrderStatus.CONFIRMED, now);
        Wallet paid = wallet.pay(order.paidAmount(), now);
        LedgerEntry payment = order.paidAmount() == 0 ? null : new LedgerEntry(order.orderId() + ":payment",
                order.userId(), LedgerEntry.Type.PAYMENT, order.paidAmount(), paid.balance(), saga.requestId(), now);
        return new Settlement(saga.settled(confirmed), paid, withCoupon(coupon, order, CouponStatus.USED),
                List.of(), payment, OrderEvent.of(OrderEvent.Type.CONFIRMED, confirmed, now));
    }

    /**
     * The order does not go through (a line refused, or the saga timed out): the hold, the coupon and
     * the lines reserved so far are released. A line not answered yet is released when its reply
     * comes, if it is reserved ({@link #reply}); a refused line has nothing to release.
     */
    public static Settlement compensate(OrderSaga saga, Wallet wallet, HeldCoupon coupon, Instant now) {
        Order order = saga.order();
        return new Settlement(saga.settled(order.withStatus(OrderStatus.REJECTED, now)),
                wallet.release(order.paidAmount(), now), withCoupon(coupon, order, CouponStatus.AVAILABLE),
                saga.releasesOfReservedLines(), null, null);
    }

    /** Cancels a confirmed order: the amount paid back, the coupon available again, the units back in stock. */
    public static OrderDecision cancel(OrderSaga saga, CancelOrder command, Wallet wallet, HeldCoupon coupon, Instant now) {
        if (saga == null) {
            return new OrderDecision.Refused(ReasonCode.ORDER_NOT_FOUND, "no order " + command.orderId());
        }
        Order order = saga.order();
        if (order.status() != OrderStatus.CONFIRMED) {
            return new OrderDecision.Refused(ReasonCode.ORDER_NOT_CANCELLABLE,
                    "order " + order.orderId() + " is " + order.status() + ", only a CONFIRMED order can be cancelled");
        }
        Order cancelled = order.withStatus(OrderStatus.CANCELLED, now);
        Wallet refunded = wallet.refund(order.paidAmount(), now);
        LedgerEntry refund = order.paidAmount() == 0 ? null : new LedgerEntry(order.orderId() + ":refund",
                order.userId(), LedgerEntry.Type.REFUND, order.paidAmount(), refunded.balance(), command.requestId(), now);
        return new OrderDecision.Settled(new Settlement(saga.settled(cancelled), refunded,
                withCoupon(coupon, order, CouponStatus.AVAILABLE), saga.stockRequests(StockRequest.Action.RELEASE),
                refund, OrderEvent.of(OrderEvent.Type.CANCELLED, cancelled, now)));
    }

    private static String whyUnusable(HeldCoupon held, PlaceOrder command, long total) {
        if (held == null) {
            return "user " + command.userId() + " holds no coupon " + command.couponId();
        }
        Coupon coupon = held.coupon();
        if (held.status() == CouponStatus.RESERVED) {
            return "coupon " + coupon.couponId() + " is in use by another order in progress";
        }
        if (held.status() == CouponStatus.USED) {
            return "coupon " + coupon.couponId() + " has been used";
        }
        if (coupon.expiredAt(command.acceptedAt())) {
            return "coupon " + coupon.couponId() + " expired at " + coupon.expiresAt();
        }
        if (total < coupon.minOrderAmount()) {
            return "coupon " + coupon.couponId() + " needs an order of at least " + coupon.minOrderAmount() + ", this one is " + total;
        }
        return null;
    }

    /** The order's coupon set to {@code status}, or null when the order uses none. */
    private static HeldCoupon withCoupon(HeldCoupon coupon, Order order, CouponStatus status) {
        if (order.couponId() == null) {
            return null;
        }
        if (coupon == null) {
            throw new IllegalStateException("user " + order.userId() + " holds no coupon " + order.couponId());
        }
        return coupon.with(status);
    }
}
