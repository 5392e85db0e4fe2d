package dev.dealstream.topics.wallet;

/**
 * The rules a charge must meet: at least {@code minimum}, at most {@code maximumPerCharge}, and a
 * resulting balance no higher than {@code balanceCap}. Amounts are integer won.
 */
public record ChargeLimits(long minimum, long maximumPerCharge, long balanceCap) {

    public static final ChargeLimits DEFAULT = new ChargeLimits(1_000, 1_000_000, 10_000_000);

    public ChargeLimits {
        if (minimum < 1 || maximumPerCharge < minimum || balanceCap < maximumPerCharge) {
            throw new IllegalArgumentException("need 1 <= minimum <= maximumPerCharge <= balanceCap");
        }
    }

    public boolean allowsAmount(long amount) {
        return amount >= minimum && amount <= maximumPerCharge;
    }

    public String amountRule() {
        return "a charge is between " + minimum + " and " + maximumPerCharge + " won";
    }
}
