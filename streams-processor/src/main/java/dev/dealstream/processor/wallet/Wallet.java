package dev.dealstream.processor.wallet;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.topics.wallet.LedgerEntry;
import dev.dealstream.topics.wallet.WalletBalance;
import java.time.Instant;

/**
 * A registered user's wallet, as kept in the wallet store. A wallet is opened when its user registers,
 * so a user without one is unknown. {@code held} is the part of the balance set aside for orders in
 * progress: it is still the user's, but cannot pay for anything else until it is paid or released.
 */
public record Wallet(UserId userId, long balance, long held, Instant updatedAt) {

    public static Wallet openedFor(UserId userId) {
        return new Wallet(userId, 0, 0, null);
    }

    /** Decides a charge against this wallet: the new wallet and its ledger entry, or why not. */
    public ChargeDecision charge(ChargeWallet command, ChargeLimits limits, Instant now) {
        if (!limits.allowsAmount(command.amount())) {
            return new ChargeDecision.Refused(ReasonCode.INVALID_AMOUNT,
                    limits.amountRule() + ", got " + command.amount());
        }
        if (command.amount() > limits.balanceCap() - balance) {
            return new ChargeDecision.Refused(ReasonCode.BALANCE_LIMIT_EXCEEDED,
                    "balance " + balance + " + " + command.amount() + " would exceed the limit of " + limits.balanceCap());
        }
        Wallet charged = new Wallet(userId, balance + command.amount(), held, now);
        LedgerEntry entry = new LedgerEntry(command.requestId() + ":charge", userId, LedgerEntry.Type.CHARGE,
                command.amount(), charged.balance(), command.requestId(), now);
        ChargeResult result = new ChargeResult(command.requestId(), userId, command.amount(), charged.balance(), now);
        return new ChargeDecision.Charged(charged, entry, result);
    }

    /** What can still be spent: the balance less what running orders hold. */
    public long available() {
        return balance - held;
    }

    /** This wallet with {@code amount} more held; the caller has checked it is {@link #available()}. */
    public Wallet hold(long amount, Instant now) {
        requireWithin(amount, available(), "available");
        return new Wallet(userId, balance, held + amount, now);
    }

    /** This wallet with {@code amount} no longer held, the order having not gone through. */
    public Wallet release(long amount, Instant now) {
        requireWithin(amount, held, "held");
        return new Wallet(userId, balance, held - amount, now);
    }

    /** This wallet having paid {@code amount} out of what it held. */
    public Wallet pay(long amount, Instant now) {
        requireWithin(amount, held, "held");
        return new Wallet(userId, balance - amount, held - amount, now);
    }

    /** This wallet with {@code amount} paid back (a refund may take the balance above the charge cap). */
    public Wallet refund(long amount, Instant now) {
        return new Wallet(userId, balance + amount, held, now);
    }

    public WalletBalance view() {
        return new WalletBalance(userId, balance, held, updatedAt);
    }

    private static void requireWithin(long amount, long limit, String what) {
        if (amount < 0 || amount > limit) {
            throw new IllegalStateException("amount " + amount + " is not within the " + what + " " + limit);
        }
    }
}
