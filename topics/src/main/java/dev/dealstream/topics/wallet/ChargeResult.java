package dev.dealstream.topics.wallet;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.OutcomeResult;
import java.time.Instant;

/** What a successful charge answers: the amount added and the balance after it. */
public record ChargeResult(String requestId, UserId userId, long amount, long balance, Instant chargedAt)
        implements OutcomeResult {
}
