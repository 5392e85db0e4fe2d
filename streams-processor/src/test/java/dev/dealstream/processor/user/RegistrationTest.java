package dev.dealstream.processor.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UserId USER = new UserId(7);

    @Test
    void firstRegistrationCreatesTheUser() {
        Registration.Decision decision = Registration.register(null, register("Mina"), NOW);

        assertThat(decision).isEqualTo(new Registration.Decision.Registered(new User(USER, "Mina", NOW, NOW), true));
    }

    @Test
    void registeringAgainRenamesAndKeepsTheRegistrationTime() {
        User existing = new User(USER, "Mina", NOW.minusSeconds(3600), NOW.minusSeconds(3600));

        Registration.Decision decision = Registration.register(existing, register("Mina Kim"), NOW);

        assertThat(decision).isEqualTo(new Registration.Decision.Registered(
                new User(USER, "Mina Kim", NOW.minusSeconds(3600), NOW), false));
    }

    @Test
    void rejectsBlankMissingOrOverlongNames() {
        for (String name : new String[] {null, "", "   ", "x".repeat(101)}) {
            assertThat(Registration.register(null, register(name), NOW))
                    .isInstanceOfSatisfying(Registration.Decision.Refused.class,
                            refused -> assertThat(refused.code()).isEqualTo(ReasonCode.INVALID_USER));
        }
    }

    private static RegisterUser register(String name) {
        return new RegisterUser("r1", USER, name, NOW);
    }
}
