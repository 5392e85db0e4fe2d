package dev.dealstream.processor;

import dev.dealstream.processor.request.RequestOutcomeTopology;
import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.processor.support.RequestLog;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.user.UserTopology;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/** The whole processor topology, exactly as production runs it and as the topology tests drive it. */
public final class ProcessorTopology {

    /**
     * Request ids decided by the user's task (registrations, charges), by requestId: the dedupe of
     * every command keyed by userId.
     */
    public static final String ACCOUNT_REQUEST_LOG = "account-request-log";

    private ProcessorTopology() {
    }

    public static Topology build(TopologySettings settings) {
        Topology topology = new Topology();
        WalletTopology.addTo(topology, settings, ACCOUNT_REQUEST_LOG);
        UserTopology.addTo(topology, ACCOUNT_REQUEST_LOG);
        topology.addStateStore(RequestLog.storeBuilder(ACCOUNT_REQUEST_LOG, settings.requestRetention()),
                WalletTopology.CHARGE_PROCESSOR, UserTopology.REGISTER_PROCESSOR);
        topology.addSink(CommandPipeline.OUTCOMES_SINK, Topics.REQUEST_OUTCOMES,
                new StringSerializer(), JsonSerde.of(Outcome.class),
                WalletTopology.CHARGE_PROCESSOR, UserTopology.REGISTER_PROCESSOR);
        RequestOutcomeTopology.addTo(topology, settings);
        return topology;
    }
}
