package dev.dealstream.topics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    private static final long YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesExactlyWhatInstantToStringWritesAndReadsItBack() {
        Random random = new Random(42);
        int[] nanoSteps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 100_000; i++) {
            int step = nanoSteps[i % nanoSteps.length];
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, YEAR_2100), random.nextInt(1_000_000_000) / step * step);

            String text = IsoInstants.format(instant);

            assertThat(text).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(text)).contains(instant);
        }
    }

    @Test
    void readsEveryFractionLengthAsTheJdkDoes() {
        for (String text : new String[] {"2026-11-21T10:00:00Z", "2026-11-21T10:00:00.1Z", "2026-11-21T10:00:00.12Z",
            "2028-02-29T23:59:59.1234Z", "2026-11-21T10:00:00.123456789Z", "0001-01-01T00:00:00.000000001Z"}) {
            assertThat(IsoInstants.parse(text)).as(text).contains(Instant.parse(text));
        }
    }

    @Test
    void leavesOtherFormsToTheGeneralParser() {
        for (String text : new String[] {"2026-11-21T10:00:00+09:00", "2026-11-21t10:00:00z", "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T10:00:60Z", "2026-11-21T10:00:00.Z",
            "2026-11-21T10:00:00.1234567890Z", "2026-11-21 10:00:00Z", "+12026-11-21T10:00:00Z", "tomorrow"}) {
            assertThat(IsoInstants.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void theJsonMappingUsesThemAndStillReadsOffsets() {
        record Stamped(Instant at) {
        }
        Instant at = Instant.parse("2026-11-21T10:00:00.250Z");

        assertThat(Json.mapper().writeValueAsString(new Stamped(at))).isEqualTo("{\"at\":\"2026-11-21T10:00:00.250Z\"}");
        assertThat(Json.mapper().readValue("{\"at\":\"2026-11-21T10:00:00.250Z\"}", Stamped.class).at()).isEqualTo(at);
        assertThat(Json.mapper().readValue("{\"at\":\"2026-11-21T19:00:00.250+09:00\"}", Stamped.class).at()).isEqualTo(at);
    }
}
