package dev.dealstream.topics.catalog;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * Adds a product to the catalog, or renames or reprices one. Topic: {@code catalog.product-commands},
 * key: productId. Stock is changed separately ({@link AdjustStock}).
 */
public record DefineProduct(String requestId, ProductId productId, String name, long price, Instant acceptedAt)
        implements Command {

    public static final int MAX_NAME_LENGTH = 100;
    public static final long MAX_PRICE = 100_000_000;

    public DefineProduct {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    /** What is wrong with this definition, or null when it is a valid product. */
    public String violation() {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            return "a product name has 1-" + MAX_NAME_LENGTH + " characters and is not blank";
        }
        if (price < 1 || price > MAX_PRICE) {
            return "a price is 1-" + MAX_PRICE + " won, got " + price;
        }
        return null;
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("define-product", productId, name, price);
    }
}
