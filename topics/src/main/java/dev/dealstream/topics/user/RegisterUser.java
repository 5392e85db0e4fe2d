package dev.dealstream.topics.user;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/** Registers a user, or renames one already registered. Topic: {@code catalog.user-commands}, key: userId. */
public record RegisterUser(String requestId, UserId userId, String name, Instant acceptedAt) implements Command {

    public RegisterUser {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("register-user", userId, name);
    }
}
