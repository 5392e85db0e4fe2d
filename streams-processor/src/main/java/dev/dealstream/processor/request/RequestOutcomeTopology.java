package dev.dealstream.processor.request;

import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.RequestLog;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import org.apache.kafka.streams.Topology;

/** {@code request.outcomes} in, the outcome of every recent request by requestId out. */
public final class RequestOutcomeTopology {

    /** Outcomes by requestId, kept for the request retention. */
    public static final String REQUEST_OUTCOMES = QueryableStores.REQUEST_OUTCOMES;
    static final String RECORD_PROCESSOR = "record-outcome-processor";

    private RequestOutcomeTopology() {
    }

    public static void addTo(Topology topology, TopologySettings settings) {
        CommandSource.add(topology, Topics.REQUEST_OUTCOMES, RECORD_PROCESSOR, RecordOutcomeProcessor::new);
        topology.addStateStore(RequestLog.storeBuilder(REQUEST_OUTCOMES, settings.requestRetention()), RECORD_PROCESSOR);
    }
}
