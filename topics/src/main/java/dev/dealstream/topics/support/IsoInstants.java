package dev.dealstream.topics.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * ISO-8601 UTC instants as {@link Instant#toString()} writes them ({@code 2026-11-21T10:00:00.123Z}),
 * formatted and parsed by hand. Every record carries a few instants, and parsing them through
 * {@code DateTimeFormatter} was about a fifth of the stream threads' time in the order benchmark's
 * profile. Measured on JDK 25 here: a record of three instants reads in 0.65 µs instead of 2.4 µs
 * through Jackson's own deserializer, and writes in about the same time as before.
 */
public final class IsoInstants {

    private static final int[] FRACTION_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /** Exactly {@link Instant#toString()}: the fraction in groups of three digits, as many as it needs. */
    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9_999) {
            return instant.toString();
        }
        StringBuilder text = new StringBuilder(30);
        digits(text, year, 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (1 to 9 fraction digits); empty for any other form, which
     * the caller hands to a general parser.
     */
    public static Optional<Instant> parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return Optional.empty();
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return Optional.empty();
            }
            int fraction = number(text, 20, length - 1);
            nanos = fraction < 0 ? -1 : fraction * FRACTION_SCALE[fractionDigits - 1];
        }
        if (year < 0 || month < 1 || month > 12 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return Optional.empty();
        }
        LocalDate firstOfMonth = LocalDate.of(year, month, 1);
        if (day < 1 || day > firstOfMonth.lengthOfMonth()) {
            return Optional.empty();
        }
        long epochSecond = (firstOfMonth.toEpochDay() + day - 1) * 86_400 + hour * 3_600L + minute * 60L + second;
        return Optional.of(Instant.ofEpochSecond(epochSecond, nanos));
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int pad = number.length(); pad < width; pad++) {
            text.append('0');
        }
        return text.append(number);
    }
}
