package dev.dealstream.processor.ranking;

import java.time.Duration;
import java.time.Instant;

/**
 * The ranking's 3-day window, made of 1-hour buckets: an order counts in the hour it was placed. At any
 * moment the window is the current hour and the 72 whole hours before it, so every order younger than
 * 72 hours counts, and an older one leaves at the first hour edge after it turns 72 hours old (it
 * counts for between 72 and 73 hours).
 */
final class RankingWindow {

    static final Duration BUCKET = Duration.ofHours(1);
    static final int WHOLE_HOURS = 72;

    private RankingWindow() {
    }

    /** The bucket {@code time} falls in: hours since the epoch. */
    static long hourOf(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), BUCKET.toMillis());
    }

    /** The oldest bucket the window holds at {@code now}. */
    static long firstCountedHour(Instant now) {
        return hourOf(now) - WHOLE_HOURS;
    }

    static boolean counts(Instant orderedAt, Instant now) {
        return hourOf(orderedAt) >= firstCountedHour(now);
    }
}
