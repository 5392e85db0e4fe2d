package dev.dealstream.processor.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.UserId;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RegisteredUsersTest {

    private final RegisteredUsers users = new RegisteredUsers();

    @Test
    void knowsTheUsersAddedAndNoOthers() {
        users.add("7");
        users.add(Long.toString(Long.MAX_VALUE));

        assertThat(users.contains(new UserId(7))).isTrue();
        assertThat(users.contains(new UserId(Long.MAX_VALUE))).isTrue();
        assertThat(users.contains(new UserId(8))).isFalse();
        assertThat(users.contains(new UserId(7L << 32))).isFalse();
    }

    @Test
    void forgetsARemovedUser() {
        users.add("7");
        users.add("8");

        users.remove("7");

        assertThat(users.contains(new UserId(7))).isFalse();
        assertThat(users.contains(new UserId(8))).isTrue();
    }

    @Test
    void aLoadReplacesEverythingKnownBefore() {
        users.add("1");

        users.load(LongStream.rangeClosed(1_000, 300_000).mapToObj(Long::toString).iterator());

        assertThat(users.contains(new UserId(1))).isFalse();
        assertThat(users.contains(new UserId(1_000))).isTrue();
        assertThat(users.contains(new UserId(300_000))).isTrue();
        assertThat(users.contains(new UserId(300_001))).isFalse();
        assertThat(LongStream.rangeClosed(1_000, 300_000).filter(id -> !users.contains(new UserId(id)))).isEmpty();
    }

    @Test
    void keysThatNameNoUserAreIgnored() {
        users.load(List.of("not-a-user", "-3", "0", "12").iterator());
        users.add("");

        assertThat(users.contains(new UserId(12))).isTrue();
        assertThat(users.contains(new UserId(3))).isFalse();
    }
}
