package dev.dealstream.processor.support;

import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.request.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The outcomes of one {@link CommandTask} as a processor of that task sees them: the request log to
 * find and remember them, and the sink to publish them. Used by the command pipelines, and by a
 * processor that decides a command later than it arrived (an order, once its stock replies are in).
 */
public final class TaskOutcomes {

    private final ProcessorContext<String, Object> context;
    private final RequestLog requestLog;
    private final CommandTask task;

    public TaskOutcomes(ProcessorContext<String, Object> context, CommandTask task, Duration requestRetention) {
        this.context = context;
        this.requestLog = new RequestLog(context.getStateStore(task.requestLogStore()),
                context.getStateStore(task.requestIdsStore()), requestRetention, context::currentStreamTimeMs);
        this.task = task;
    }

    public Optional<Outcome> find(String requestId) {
        return requestLog.find(requestId);
    }

    /** Remembers {@code outcome} as its request's one decision and publishes it. */
    public void decide(Outcome outcome, long timestamp) {
        requestLog.record(outcome);
        publish(outcome, timestamp, false);
    }

    /** Publishes the outcome decided before for a request that came again. */
    public void replay(Outcome outcome, long timestamp) {
        publish(outcome, timestamp, true);
    }

    private void publish(Outcome outcome, long timestamp, boolean replay) {
        RecordHeaders headers = new RecordHeaders();
        if (replay) {
            headers.add(HeaderNames.REPLAY, "true".getBytes(StandardCharsets.UTF_8));
        }
        TaskPartitionOutcome routed = new TaskPartitionOutcome(outcome, context.taskId().partition());
        context.forward(new Record<String, Object>(outcome.requestId(), routed, timestamp, headers), task.outcomesSink());
    }
}
