package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    private static final int KEYS = 200_000;

    @Test
    void neverRulesOutAKeyItWasGivenAcrossItsGrowth() {
        KeyFilter filter = new KeyFilter();
        IntStream.range(0, KEYS).forEach(user -> filter.add("42:" + user));

        assertThat(IntStream.range(0, KEYS).filter(user -> !filter.mightContain("42:" + user))).isEmpty();
    }

    @Test
    void rulesOutNearlyEveryKeyItWasNotGiven() {
        KeyFilter filter = new KeyFilter();
        IntStream.range(0, KEYS).forEach(user -> filter.add("42:" + user));

        long maybes = IntStream.range(0, KEYS).filter(user -> filter.mightContain("43:" + user)).count();

        assertThat(maybes).isLessThan(KEYS / 500);
    }

    @Test
    void anEmptyFilterRulesOutEverything() {
        assertThat(new KeyFilter().mightContain("42:7")).isFalse();
    }
}
