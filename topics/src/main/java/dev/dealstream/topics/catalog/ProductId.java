package dev.dealstream.topics.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A product's id: a positive number, written as a JSON number and as the decimal string Kafka key. */
public record ProductId(long value) implements Comparable<ProductId> {

    public ProductId {
        if (value < 1) {
            throw new IllegalArgumentException("a product id is a positive integer, got " + value);
        }
    }

    @JsonCreator
    public static ProductId of(long value) {
        return new ProductId(value);
    }

    /** Parses a path segment or Kafka key; throws {@link IllegalArgumentException} if it is not a positive integer. */
    public static ProductId parse(String text) {
        try {
            return new ProductId(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a product id is a positive integer, got '" + text + "'", e);
        }
    }

    @JsonValue
    public long value() {
        return value;
    }

    /** The Kafka record key of everything keyed by this product. */
    public String key() {
        return Long.toString(value);
    }

    @Override
    public int compareTo(ProductId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return key();
    }
}
