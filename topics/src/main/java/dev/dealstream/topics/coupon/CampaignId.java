package dev.dealstream.topics.coupon;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A coupon campaign's id: a positive number, written as a JSON number and as the decimal string Kafka key. */
public record CampaignId(long value) {

    public CampaignId {
        if (value < 1) {
            throw new IllegalArgumentException("a campaign id is a positive integer, got " + value);
        }
    }

    @JsonCreator
    public static CampaignId of(long value) {
        return new CampaignId(value);
    }

    /** Parses a path segment or Kafka key; throws {@link IllegalArgumentException} if it is not a positive integer. */
    public static CampaignId parse(String text) {
        try {
            return new CampaignId(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a campaign id is a positive integer, got '" + text + "'", e);
        }
    }

    @JsonValue
    public long value() {
        return value;
    }

    /** The Kafka record key of everything keyed by this campaign. */
    public String key() {
        return Long.toString(value);
    }

    @Override
    public String toString() {
        return key();
    }
}
