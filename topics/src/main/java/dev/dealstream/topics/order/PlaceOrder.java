package dev.dealstream.topics.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user orders one or more products, optionally with one of their coupons. Prices are the catalog's
 * at {@code acceptedAt} (a time-sale price inside its window).
 *
 * @param couponId the coupon to use, or null
 */
public record PlaceOrder(String requestId, UserId userId, List<OrderLine> lines, String couponId, Instant acceptedAt)
        implements OrderCommand {

    public static final int MAX_LINES = 20;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_COUPON_ID_LENGTH = 64;

    public PlaceOrder {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        lines = List.copyOf(lines);
    }

    /** What is wrong with this order on its own, or null when it can be priced. */
    @JsonIgnore
    public String violation() {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            return "an order has 1-" + MAX_LINES + " lines, got " + lines.size();
        }
        Set<ProductId> products = new HashSet<>();
        for (OrderLine line : lines) {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                return "a line's quantity is 1-" + MAX_QUANTITY + ", got " + line.quantity() + " for product " + line.productId();
            }
            if (!products.add(line.productId())) {
                return "product " + line.productId() + " is on more than one line";
            }
        }
        if (couponId != null && (couponId.isBlank() || couponId.length() > MAX_COUPON_ID_LENGTH)) {
            return "a coupon id has 1-" + MAX_COUPON_ID_LENGTH + " characters";
        }
        return null;
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("place-order", userId, lines, couponId);
    }
}
