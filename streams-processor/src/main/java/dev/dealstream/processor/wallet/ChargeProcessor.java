package dev.dealstream.processor.wallet;

import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeWallet;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies charges to the wallets of the users this task owns. */
final class ChargeProcessor implements Processor<String, byte[], String, Object> {

    private final CommandPipeline<ChargeWallet> pipeline;
    private final ChargeLimits limits;
    private KeyValueStore<String, Wallet> wallets;

    ChargeProcessor(ChargeLimits limits, CommandTask task, Duration requestRetention) {
        this.pipeline = new CommandPipeline<>(ChargeWallet.class, command -> command.userId().key(), task, requestRetention);
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        pipeline.init(context);
        wallets = context.getStateStore(WalletTopology.WALLETS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        pipeline.process(record, this::charge);
    }

    private Outcome charge(ChargeWallet command, Instant now) {
        String key = command.userId().key();
        Wallet wallet = wallets.get(key);
        ChargeDecision decision = wallet == null
                ? ChargeDecision.unknownUser(command.userId())
                : wallet.charge(command, limits, now);
        if (decision instanceof ChargeDecision.Charged charged) {
            wallets.put(key, charged.wallet());
            pipeline.emit(WalletTopology.LEDGER_SINK, key, charged.ledgerEntry());
            return Outcome.succeeded(command, charged.result(), now);
        }
        ChargeDecision.Refused refused = (ChargeDecision.Refused) decision;
        return Outcome.rejected(command, refused.code(), refused.detail(), now);
    }
}
