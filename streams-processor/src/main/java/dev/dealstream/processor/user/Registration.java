package dev.dealstream.processor.user;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import java.time.Instant;

/** Registers a new user or renames an existing one. */
public final class Registration {

    public sealed interface Decision {
        /** {@code firstTime} is true when the user did not exist before: their wallet is opened. */
        record Registered(User user, boolean firstTime) implements Decision {
        }

        record Refused(ReasonCode code, String detail) implements Decision {
        }
    }

    private Registration() {
    }

    /** @param existing the user as registered so far, or null */
    public static Decision register(User existing, RegisterUser command, Instant now) {
        if (!User.isValidName(command.name())) {
            return new Decision.Refused(ReasonCode.INVALID_USER,
                    "a user name has 1-" + User.MAX_NAME_LENGTH + " characters and is not blank");
        }
        if (existing == null) {
            return new Decision.Registered(new User(command.userId(), command.name(), now, now), true);
        }
        return new Decision.Registered(new User(command.userId(), command.name(), existing.registeredAt(), now), false);
    }
}
