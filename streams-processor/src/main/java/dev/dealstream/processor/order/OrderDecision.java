package dev.dealstream.processor.order;

import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.order.StockRequest;
import java.util.List;

/** What a step of an order's saga came to. */
public sealed interface OrderDecision {

    /**
     * The order is priced, its amount held and its coupon reserved; its stock is to be reserved.
     *
     * @param coupon the order's coupon, now reserved, or null when it uses none
     */
    record Placed(OrderSaga saga, Wallet wallet, HeldCoupon coupon, List<StockRequest> reservations) implements OrderDecision {
    }

    /** The order moves to a final status (or a cancelled one). */
    record Settled(Settlement settlement) implements OrderDecision {
    }

    /** A reservation is in, others are still awaited. */
    record Waiting(OrderSaga saga) implements OrderDecision {
    }

    /** Nothing changes: the command is refused with its reason. */
    record Refused(ReasonCode code, String detail) implements OrderDecision {
    }
}
