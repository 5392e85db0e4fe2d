package dev.dealstream.topics.catalog;

import dev.dealstream.topics.request.OutcomeResult;
import java.time.Instant;

/** A hot-deal price for one product, from {@code startsAt} up to (not including) {@code endsAt}. */
public record TimeSale(long saleId, ProductId productId, long salePrice, Instant startsAt, Instant endsAt)
        implements OutcomeResult {

    public boolean isOnAt(Instant time) {
        return !time.isBefore(startsAt) && time.isBefore(endsAt);
    }

    public boolean overlaps(TimeSale other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
