package dev.dealstream.processor.ranking;

import dev.dealstream.processor.catalog.ProductOrderDelta;
import java.util.Optional;

/** One product's orders and units sold in one hour, the lines given back (released or cancelled) taken off. */
record HourlyCount(int orders, long quantity) {

    static final HourlyCount NONE = new HourlyCount(0, 0);

    /**
     * The count with {@code delta} applied, or empty when the delta would take back more than the hour
     * holds: a release whose reservation was never counted here (it came before the ranking did).
     */
    Optional<HourlyCount> with(ProductOrderDelta delta) {
        int newOrders = orders + delta.orders();
        long newQuantity = quantity + delta.quantity();
        if (newOrders < 0 || newQuantity < 0) {
            return Optional.empty();
        }
        return Optional.of(new HourlyCount(newOrders, newQuantity));
    }

    boolean isEmpty() {
        return orders == 0;
    }
}
