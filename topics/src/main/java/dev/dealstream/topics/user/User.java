package dev.dealstream.topics.user;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.OutcomeResult;
import java.time.Instant;

/** A registered user: the value of {@code catalog.users} and the result of a registration. */
public record User(UserId userId, String name, Instant registeredAt, Instant updatedAt) implements OutcomeResult {

    public static final int MAX_NAME_LENGTH = 100;

    /** Whether {@code name} is acceptable for a user: 1-100 characters, not only blanks. */
    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH;
    }
}
