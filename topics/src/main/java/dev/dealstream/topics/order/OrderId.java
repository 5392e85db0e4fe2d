package dev.dealstream.topics.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.dealstream.topics.UserId;
import java.util.Objects;

/**
 * An order's id: its user's id and a number that no other order of the user's has, written
 * {@code 7-3}; a later order of the user's has a higher number, but not always the next one. The user
 * is part of the id because the user's task owns the order, so a cancel or a lookup knows where to go.
 */
public record OrderId(UserId userId, long number) {

    public OrderId {
        Objects.requireNonNull(userId, "userId");
        if (number < 1) {
            throw new IllegalArgumentException("an order number is a positive integer, got " + number);
        }
    }

    /** Parses {@code <userId>-<number>}; throws {@link IllegalArgumentException} for anything else. */
    @JsonCreator
    public static OrderId parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash < 1) {
            throw new IllegalArgumentException("an order id looks like 7-3, got '" + text + "'");
        }
        try {
            return new OrderId(UserId.parse(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an order id looks like 7-3, got '" + text + "'", e);
        }
    }

    @JsonValue
    public String text() {
        return userId.key() + "-" + number;
    }

    @Override
    public String toString() {
        return text();
    }
}
