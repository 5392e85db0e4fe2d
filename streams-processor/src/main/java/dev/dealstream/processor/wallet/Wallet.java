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
 * so a user without one is unknown.
 */
public record Wallet(UserId userId, long balance, Instant updatedAt) {

    public static Wallet openedFor(UserId userId) {
        return new Wallet(userId, 0, null);
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
        Wallet charged = new Wallet(userId, balance + command.amount(), now);
        LedgerEntry entry = new LedgerEntry(command.requestId() + ":charge", userId, LedgerEntry.Type.CHARGE,
                command.amount(), charged.balance(), command.requestId(), now);
        ChargeResult result = new ChargeResult(command.requestId(), userId, command.amount(), charged.balance(), now);
        return new ChargeDecision.Charged(charged, entry, result);
    }

    public WalletBalance view() {
        return new WalletBalance(userId, balance, updatedAt);
    }
}
