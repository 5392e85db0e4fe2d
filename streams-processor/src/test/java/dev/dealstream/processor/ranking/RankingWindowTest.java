package dev.dealstream.processor.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RankingWindowTest {

    private static final Instant HOUR_EDGE = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void everyOrderYoungerThan72HoursCounts() {
        for (int minutes = 0; minutes < 60; minutes += 7) {
            Instant now = HOUR_EDGE.plus(Duration.ofMinutes(minutes));
            assertThat(RankingWindow.counts(now.minus(Duration.ofHours(72)).plusMillis(1), now)).as("at :%02d", minutes).isTrue();
            assertThat(RankingWindow.counts(now.minus(Duration.ofHours(71)), now)).isTrue();
            assertThat(RankingWindow.counts(now.minus(Duration.ofHours(73)), now)).isFalse();
        }
    }

    @Test
    void anOrderCountsUntilTheHourEdgeAfterItTurns72HoursOld() {
        Instant placed = HOUR_EDGE.minus(Duration.ofHours(72)).plus(Duration.ofMinutes(40));

        assertThat(RankingWindow.counts(placed, HOUR_EDGE.plus(Duration.ofMinutes(59)))).as("72 h 19 min old").isTrue();
        assertThat(RankingWindow.counts(placed, HOUR_EDGE.plus(Duration.ofHours(1)))).as("72 h 20 min old, next hour").isFalse();
    }
}
