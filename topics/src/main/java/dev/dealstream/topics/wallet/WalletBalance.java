package dev.dealstream.topics.wallet;

import dev.dealstream.topics.UserId;
import java.time.Instant;

/**
 * A user's balance as read from the wallet store; {@code updatedAt} is null until the first change.
 * {@code held} is the part of the balance set aside for orders still in progress.
 */
public record WalletBalance(UserId userId, long balance, long held, Instant updatedAt) {
}
