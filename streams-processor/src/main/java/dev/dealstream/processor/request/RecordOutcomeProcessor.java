package dev.dealstream.processor.request;

import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.processor.support.RequestLog;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps each request's outcome by requestId, so a client can look it up without knowing which
 * entity's task decided it. The first outcome for an id is kept; replays repeat it.
 */
final class RecordOutcomeProcessor implements Processor<String, byte[], String, Object> {

    private final JsonSerde<Outcome> reader = JsonSerde.of(Outcome.class);
    private ProcessorContext<String, Object> context;
    private RequestLog outcomes;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.outcomes = new RequestLog(context.getStateStore(RequestOutcomeTopology.REQUEST_OUTCOMES));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        DeadLetters.read(context, record, reader, Outcome::requestId).ifPresent(outcome -> {
            if (outcomes.find(outcome.requestId()).isEmpty()) {
                outcomes.record(outcome, record.timestamp());
            }
        });
    }
}
