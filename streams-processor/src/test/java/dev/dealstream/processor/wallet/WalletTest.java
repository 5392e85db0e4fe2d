package dev.dealstream.processor.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WalletTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UserId USER = new UserId(7);

    private final Wallet wallet = new Wallet(USER, 2_000, 0, NOW.minusSeconds(60));

    @Test
    void chargeAddsTheAmountAndWritesOneLedgerEntry() {
        ChargeDecision decision = wallet.charge(charge(5_000), ChargeLimits.DEFAULT, NOW);

        ChargeDecision.Charged charged = (ChargeDecision.Charged) decision;
        assertThat(charged.wallet()).isEqualTo(new Wallet(USER, 7_000, 0, NOW));
        assertThat(charged.ledgerEntry()).isEqualTo(
                new LedgerEntry("r1:charge", USER, LedgerEntry.Type.CHARGE, 5_000, 7_000, "r1", NOW));
        assertThat(charged.result().balance()).isEqualTo(7_000);
        assertThat(charged.result().amount()).isEqualTo(5_000);
    }

    @Test
    void acceptsTheMinimumAndTheMaximumCharge() {
        assertThat(wallet.charge(charge(1_000), ChargeLimits.DEFAULT, NOW)).isInstanceOf(ChargeDecision.Charged.class);
        assertThat(wallet.charge(charge(1_000_000), ChargeLimits.DEFAULT, NOW)).isInstanceOf(ChargeDecision.Charged.class);
    }

    @Test
    void rejectsChargeBelowMinimum() {
        assertRefused(wallet.charge(charge(999), ChargeLimits.DEFAULT, NOW), ReasonCode.INVALID_AMOUNT);
        assertRefused(wallet.charge(charge(0), ChargeLimits.DEFAULT, NOW), ReasonCode.INVALID_AMOUNT);
        assertRefused(wallet.charge(charge(-5_000), ChargeLimits.DEFAULT, NOW), ReasonCode.INVALID_AMOUNT);
    }

    @Test
    void rejectsChargeAboveTheLimitPerCharge() {
        assertRefused(wallet.charge(charge(1_000_001), ChargeLimits.DEFAULT, NOW), ReasonCode.INVALID_AMOUNT);
        assertRefused(wallet.charge(charge(Long.MAX_VALUE), ChargeLimits.DEFAULT, NOW), ReasonCode.INVALID_AMOUNT);
    }

    @Test
    void balanceMayReachTheCapButNotPassIt() {
        ChargeDecision toTheCap = new Wallet(USER, 9_000_000, 0, NOW).charge(charge(1_000_000), ChargeLimits.DEFAULT, NOW);
        ChargeDecision pastTheCap = new Wallet(USER, 9_000_001, 0, NOW).charge(charge(1_000_000), ChargeLimits.DEFAULT, NOW);

        assertThat(((ChargeDecision.Charged) toTheCap).wallet().balance()).isEqualTo(10_000_000);
        assertRefused(pastTheCap, ReasonCode.BALANCE_LIMIT_EXCEEDED);
    }

    @Test
    void capIsConfigurable() {
        ChargeLimits smallCap = new ChargeLimits(1_000, 1_000_000, 1_000_000);

        ChargeDecision decision = new Wallet(USER, 999_000, 0, NOW).charge(charge(2_000), smallCap, NOW);

        assertRefused(decision, ReasonCode.BALANCE_LIMIT_EXCEEDED);
    }

    @Test
    void refusalLeavesNoNewState() {
        ChargeDecision decision = wallet.charge(charge(500), ChargeLimits.DEFAULT, NOW);

        assertThat(decision).isInstanceOf(ChargeDecision.Refused.class);
        assertThat(wallet.balance()).isEqualTo(2_000);
    }

    private static ChargeWallet charge(long amount) {
        return new ChargeWallet("r1", USER, amount, NOW);
    }

    private static void assertRefused(ChargeDecision decision, ReasonCode code) {
        assertThat(decision).isInstanceOfSatisfying(ChargeDecision.Refused.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
