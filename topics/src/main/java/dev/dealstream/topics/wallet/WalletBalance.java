package dev.dealstream.topics.wallet;

import dev.dealstream.topics.UserId;
import java.time.Instant;

/** A user's balance as read from the wallet store; {@code updatedAt} is null until the first charge. */
public record WalletBalance(UserId userId, long balance, Instant updatedAt) {
}
