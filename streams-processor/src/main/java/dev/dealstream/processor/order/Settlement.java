package dev.dealstream.processor.order;

import dev.dealstream.processor.coupon.HeldCoupon;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.util.List;

/**
 * A step of an order that moves it to a new status (confirmed, rejected, cancelled), with everything
 * that changes in the same transaction.
 *
 * @param coupon      the order's coupon after the step, or null when the order uses none
 * @param ledgerEntry the balance change to publish, or null when the balance did not change
 * @param event       the order event to publish, or null
 */
public record Settlement(OrderSaga saga, Wallet wallet, HeldCoupon coupon, List<StockRequest> stockRequests,
                         LedgerEntry ledgerEntry, OrderEvent event) {
}
