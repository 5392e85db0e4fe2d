package dev.dealstream.topics.wallet;

import dev.dealstream.topics.UserId;
import java.time.Instant;

/**
 * One change of a balance, on {@code wallet.ledger} keyed by userId. {@code entryId} is unique per
 * change, so read models can store entries idempotently.
 */
public record LedgerEntry(String entryId, UserId userId, Type type, long amount, long balanceAfter,
                          String requestId, Instant at) {

    public enum Type { CHARGE, PAYMENT, REFUND }
}
