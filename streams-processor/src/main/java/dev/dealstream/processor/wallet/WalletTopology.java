package dev.dealstream.processor.wallet;

import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.wallet.LedgerEntry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Charges: {@code wallet.commands} in, wallets updated, {@code wallet.ledger} out. */
public final class WalletTopology {

    /** Wallets by userId. */
    public static final String WALLETS = QueryableStores.WALLETS;
    public static final String CHARGE_PROCESSOR = "charge-processor";
    static final String LEDGER_SINK = "wallet-ledger-sink";

    private WalletTopology() {
    }

    public static void addTo(Topology topology, TopologySettings settings, CommandTask task) {
        CommandSource.add(topology, Topics.WALLET_COMMANDS, CHARGE_PROCESSOR,
                () -> new ChargeProcessor(settings.chargeLimits(), task, settings.requestRetention()));
        topology.addStateStore(walletStore(), CHARGE_PROCESSOR);
        topology.addSink(LEDGER_SINK, Topics.WALLET_LEDGER,
                new StringSerializer(), JsonSerde.of(LedgerEntry.class), CHARGE_PROCESSOR);
    }

    private static StoreBuilder<KeyValueStore<String, Wallet>> walletStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WALLETS),
                Serdes.String(), JsonSerde.of(Wallet.class));
    }
}
