package dev.dealstream.topics.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/** A user cancels a confirmed order: refund, coupon back, stock back. Keyed by the order's user. */
public record CancelOrder(String requestId, OrderId orderId, Instant acceptedAt) implements OrderCommand {

    public CancelOrder {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    @JsonIgnore
    public UserId userId() {
        return orderId.userId();
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("cancel-order", orderId);
    }
}
