package dev.dealstream.processor.user;

import dev.dealstream.processor.support.GlobalCopy;
import dev.dealstream.topics.Topics;
import org.apache.kafka.streams.Topology;

/**
 * A read-only copy of {@code catalog.users} on every instance, for tasks keyed by something other
 * than the user, such as a campaign's, to tell whether a user is registered (a key with any value is
 * a registered user). The copy's store keeps it across restarts; {@link RegisteredUsers} answers from
 * memory.
 */
public final class RegisteredUsersTopology {

    public static final String STORE = "registered-users";

    private RegisteredUsersTopology() {
    }

    /** Adds the copy; the users it returns are the copy's, for the processors that ask. */
    public static RegisteredUsers addTo(Topology topology) {
        RegisteredUsers users = new RegisteredUsers();
        GlobalCopy.addTo(topology, STORE, Topics.USERS, users);
        return users;
    }
}
