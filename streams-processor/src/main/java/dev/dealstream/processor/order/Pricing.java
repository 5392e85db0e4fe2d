package dev.dealstream.processor.order;

import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.order.OrderItem;
import dev.dealstream.topics.order.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What an order costs: each line at the catalog's price at the order time, and what a coupon takes off. */
public final class Pricing {

    /**
     * The priced lines and their total, or the products the catalog does not know.
     *
     * @param unknown products of the order that are not in the catalog; when not empty, nothing is priced
     */
    public record Priced(List<OrderItem> items, long total, List<ProductId> unknown) {
    }

    private Pricing() {
    }

    /** Prices {@code lines} at {@code time}: a time-sale price while its sale is on, the list price otherwise. */
    public static Priced price(List<OrderLine> lines, Function<ProductId, Product> catalog, Instant time) {
        List<OrderItem> items = new ArrayList<>(lines.size());
        List<ProductId> unknown = new ArrayList<>();
        long total = 0;
        for (OrderLine line : lines) {
            Product product = catalog.apply(line.productId());
            if (product == null) {
                unknown.add(line.productId());
                continue;
            }
            OrderItem item = new OrderItem(line.productId(), line.quantity(), product.priceAt(time));
            items.add(item);
            total += item.amount();
        }
        return unknown.isEmpty() ? new Priced(items, total, List.of()) : new Priced(List.of(), 0, unknown);
    }

    /**
     * What {@code coupon} takes off an order of {@code total}: a fixed amount, or a percentage rounded
     * down and capped at the coupon's {@code maxDiscount}; never more than the total, so nothing is paid
     * below zero. The caller has checked the coupon's minimum order amount.
     */
    public static long discount(Coupon coupon, long total) {
        long discount = coupon.discountType() == DiscountType.FIXED
                ? coupon.discountValue()
                : total * coupon.discountValue() / 100;
        if (coupon.discountType() == DiscountType.PERCENT && coupon.maxDiscount() != null) {
            discount = Math.min(discount, coupon.maxDiscount());
        }
        return Math.min(discount, total);
    }
}
