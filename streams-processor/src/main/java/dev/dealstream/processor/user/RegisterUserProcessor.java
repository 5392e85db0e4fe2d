package dev.dealstream.processor.user;

import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Registers users in the task that owns them; a first registration opens the user's wallet in the
 * same task, so the very next charge for the user already finds it.
 */
final class RegisterUserProcessor implements Processor<String, byte[], String, Object> {

    private final CommandPipeline<RegisterUser> pipeline;
    private KeyValueStore<String, User> users;
    private KeyValueStore<String, Wallet> wallets;

    RegisterUserProcessor(CommandTask task, Duration requestRetention) {
        this.pipeline = new CommandPipeline<>(RegisterUser.class, command -> command.userId().key(), task, requestRetention);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        pipeline.init(context);
        users = context.getStateStore(UserTopology.USERS);
        wallets = context.getStateStore(WalletTopology.WALLETS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        pipeline.process(record, this::register);
    }

    private Outcome register(RegisterUser command, Instant now) {
        String key = command.userId().key();
        Registration.Decision decision = Registration.register(users.get(key), command, now);
        if (decision instanceof Registration.Decision.Registered registered) {
            users.put(key, registered.user());
            if (registered.firstTime()) {
                wallets.put(key, Wallet.openedFor(command.userId()));
            }
            pipeline.emit(UserTopology.USERS_SINK, key, registered.user());
            return Outcome.succeeded(command, registered.user(), now);
        }
        Registration.Decision.Refused refused = (Registration.Decision.Refused) decision;
        return Outcome.rejected(command, refused.code(), refused.detail(), now);
    }
}
