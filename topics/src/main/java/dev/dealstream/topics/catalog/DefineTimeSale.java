package dev.dealstream.topics.catalog;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * Puts a product on sale at {@code salePrice} from {@code startsAt} up to (not including)
 * {@code endsAt}, or changes such a sale. Topic: {@code catalog.time-sale-commands}, key: productId,
 * so the product's task sees all its sales and refuses overlapping ones.
 */
public record DefineTimeSale(String requestId, long saleId, ProductId productId, long salePrice,
                             Instant startsAt, Instant endsAt, Instant acceptedAt) implements Command {

    public DefineTimeSale {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    /** What is wrong with this sale on its own (the list price is checked by the product's task), or null. */
    public String violation() {
        if (saleId < 1) {
            return "a sale id is a positive integer, got " + saleId;
        }
        if (salePrice < 1) {
            return "a sale price is at least 1 won, got " + salePrice;
        }
        if (startsAt == null || endsAt == null || !startsAt.isBefore(endsAt)) {
            return "startsAt and endsAt are both given, start before end";
        }
        return null;
    }

    public TimeSale sale() {
        return new TimeSale(saleId, productId, salePrice, startsAt, endsAt);
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("define-time-sale", saleId, productId, salePrice, startsAt, endsAt);
    }
}
