package dev.dealstream.topics.catalog;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * Adds units to a product's stock ({@code quantity > 0}) or corrects it down ({@code quantity < 0}),
 * never below what is left unreserved. Topic: {@code inventory.adjustments}, key: productId.
 */
public record AdjustStock(String requestId, ProductId productId, int quantity, Instant acceptedAt) implements Command {

    public static final int MAX_ADJUSTMENT = 10_000_000;

    public AdjustStock {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    /** What is wrong with this adjustment, or null when it is a valid one. */
    public String violation() {
        if (quantity == 0 || Math.abs((long) quantity) > MAX_ADJUSTMENT) {
            return "a stock adjustment is a non-zero number of units, at most " + MAX_ADJUSTMENT + " either way, got " + quantity;
        }
        return null;
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("adjust-stock", productId, quantity);
    }
}
