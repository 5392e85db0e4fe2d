package dev.dealstream.local.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;

/** Latency samples in microseconds, with the percentiles a report needs. */
final class Latencies {

    private long[] samples = new long[1 << 16];
    private int count;

    synchronized void add(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    synchronized int count() {
        return count;
    }

    /** p in [0, 100]; in milliseconds. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return percentileMillis(sorted, p);
    }

    /** p in [0, 100] of samples already sorted, not empty; in milliseconds. */
    private static double percentileMillis(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /**
     * The p99 of each tenth of the samples, in the order they were added: where in a run its tail was
     * (for decisions, the order they became visible).
     */
    synchronized String p99ByTenth() {
        StringJoiner tenths = new StringJoiner(" / ", "", " ms");
        for (int tenth = 0; tenth < 10 && count >= 10; tenth++) {
            long[] slice = Arrays.copyOfRange(samples, count * tenth / 10, count * (tenth + 1) / 10);
            Arrays.sort(slice);
            tenths.add(String.format(Locale.ROOT, "%.0f", percentileMillis(slice, 99)));
        }
        return tenths.toString();
    }

    String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%d samples)",
                percentileMillis(50), percentileMillis(99), percentileMillis(99.9), percentileMillis(100), count());
    }
}
