package dev.dealstream.topics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user's id: a positive number, written as a JSON number and as the decimal string Kafka key. */
public record UserId(long value) {

    public UserId {
        if (value < 1) {
            throw new IllegalArgumentException("a user id is a positive integer, got " + value);
        }
    }

    @JsonCreator
    public static UserId of(long value) {
        return new UserId(value);
    }

    /** Parses a path segment or Kafka key; throws {@link IllegalArgumentException} if it is not a positive integer. */
    public static UserId parse(String text) {
        try {
            return new UserId(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a user id is a positive integer, got '" + text + "'", e);
        }
    }

    @JsonValue
    public long value() {
        return value;
    }

    /** The Kafka record key of everything keyed by this user. */
    public String key() {
        return Long.toString(value);
    }

    @Override
    public String toString() {
        return key();
    }
}
