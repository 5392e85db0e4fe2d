package dev.dealstream.processor.user;

import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.user.User;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * User registration: {@code catalog.user-commands} in, the users store and the compacted
 * {@code catalog.users} out. Shares the wallet store, so it is added after {@link WalletTopology}.
 */
public final class UserTopology {

    /** Registered users by userId. */
    public static final String USERS = "users";
    public static final String REGISTER_PROCESSOR = "register-user-processor";
    static final String USERS_SINK = "catalog-users-sink";

    private UserTopology() {
    }

    public static void addTo(Topology topology, TopologySettings settings, CommandTask task) {
        CommandSource.add(topology, Topics.USER_COMMANDS, REGISTER_PROCESSOR,
                () -> new RegisterUserProcessor(task, settings.requestRetention()));
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USERS),
                Serdes.String(), JsonSerde.of(User.class)), REGISTER_PROCESSOR);
        topology.connectProcessorAndStateStores(REGISTER_PROCESSOR, WalletTopology.WALLETS);
        topology.addSink(USERS_SINK, Topics.USERS, new StringSerializer(), JsonSerde.of(User.class), REGISTER_PROCESSOR);
    }
}
