package dev.dealstream.processor.support;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What every command processor does around its decision: read the command (or dead-letter it), answer
 * a request id seen before with the outcome decided the first time, and otherwise decide once,
 * remember the outcome and publish it. A processor owns one pipeline and calls it from {@code process}.
 */
public final class CommandPipeline<C extends Command> {

    private final JsonSerde<C> reader;
    private final Function<C, String> keyOf;
    private final CommandTask task;
    private ProcessorContext<String, Object> context;
    private RequestLog requestLog;
    private long currentTimestamp;

    /**
     * @param keyOf the record key a valid command of this type has: a command on the wrong partition
     *              would be decided by a task that does not own its state, so it is dead-lettered
     */
    public CommandPipeline(Class<C> type, Function<C, String> keyOf, CommandTask task) {
        this.reader = JsonSerde.of(type);
        this.keyOf = keyOf;
        this.task = task;
    }

    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.requestLog = new RequestLog(context.getStateStore(task.requestLogStore()));
    }

    public void process(Record<String, byte[]> record, BiFunction<C, Instant, Outcome> decide) {
        Optional<C> read = DeadLetters.read(context, record, reader, keyOf);
        if (read.isEmpty()) {
            return;
        }
        C command = read.get();
        currentTimestamp = record.timestamp();
        Optional<Outcome> decided = requestLog.find(command.requestId());
        if (decided.isPresent()) {
            publish(decided.get(), true);
            return;
        }
        Outcome outcome = decide.apply(command, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        requestLog.record(outcome, record.timestamp());
        publish(outcome, false);
    }

    /** Forwards a fact the decision produced (a ledger entry, a catalog version) to {@code sink}. */
    public void emit(String sink, String key, Object value) {
        context.forward(new Record<>(key, value, currentTimestamp), sink);
    }

    private void publish(Outcome outcome, boolean replay) {
        RecordHeaders headers = new RecordHeaders();
        if (replay) {
            headers.add(HeaderNames.REPLAY, "true".getBytes(StandardCharsets.UTF_8));
        }
        context.forward(new Record<String, Object>(outcome.requestId(), outcome, currentTimestamp, headers),
                task.outcomesSink());
    }
}
