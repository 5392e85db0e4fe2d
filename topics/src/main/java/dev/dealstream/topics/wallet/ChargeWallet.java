package dev.dealstream.topics.wallet;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/** Adds {@code amount} won to a user's balance. Topic: {@code wallet.commands}, key: userId. */
public record ChargeWallet(String requestId, UserId userId, long amount, Instant acceptedAt) implements Command {

    public ChargeWallet {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("charge", userId, amount);
    }
}
