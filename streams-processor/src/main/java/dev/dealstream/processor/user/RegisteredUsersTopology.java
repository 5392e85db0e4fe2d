package dev.dealstream.processor.user;

import dev.dealstream.processor.support.GlobalCopy;
import dev.dealstream.topics.Topics;
import org.apache.kafka.streams.Topology;

/**
 * A read-only copy of {@code catalog.users} on every instance, for tasks keyed by something other
 * than the user, such as a campaign's, to tell whether a user is registered (a key with any value is
 * a registered user).
 */
public final class RegisteredUsersTopology {

    public static final String STORE = "registered-users";

    private RegisteredUsersTopology() {
    }

    public static void addTo(Topology topology) {
        GlobalCopy.addTo(topology, STORE, Topics.USERS);
    }
}
