package dev.dealstream.processor.wallet;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.LedgerEntry;

/** What a charge came to: applied, with the state and facts to write, or refused with a reason. */
public sealed interface ChargeDecision {

    record Charged(Wallet wallet, LedgerEntry ledgerEntry, ChargeResult result) implements ChargeDecision {
    }

    record Refused(ReasonCode code, String detail) implements ChargeDecision {
    }

    static ChargeDecision unknownUser(UserId userId) {
        return new Refused(ReasonCode.USER_NOT_FOUND, "user " + userId + " is not registered");
    }
}
