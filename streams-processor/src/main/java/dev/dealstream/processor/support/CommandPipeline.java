package dev.dealstream.processor.support;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
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
    private final Duration requestRetention;
    private ProcessorContext<String, Object> context;
    private TaskOutcomes outcomes;
    private long currentTimestamp;

    /**
     * @param keyOf the record key a valid command of this type has: a command on the wrong partition
     *              would be decided by a task that does not own its state, so it is dead-lettered
     * @param requestRetention how long the task's request log remembers a request id
     */
    public CommandPipeline(Class<C> type, Function<C, String> keyOf, CommandTask task, Duration requestRetention) {
        this.reader = JsonSerde.of(type);
        this.keyOf = keyOf;
        this.task = task;
        this.requestRetention = requestRetention;
    }

    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.outcomes = new TaskOutcomes(context, task, requestRetention);
    }

    public void process(Record<String, byte[]> record, BiFunction<C, Instant, Outcome> decide) {
        processDeferrable(record, (command, now) -> Optional.of(decide.apply(command, now)));
    }

    /**
     * As {@link #process}, for commands whose outcome may come later: {@code decide} answers empty when
     * the command is under way (or already was), and whoever finishes it publishes its outcome through
     * {@link TaskOutcomes}.
     */
    public void processDeferrable(Record<String, byte[]> record, BiFunction<C, Instant, Optional<Outcome>> decide) {
        Optional<C> read = DeadLetters.read(context, record, reader, keyOf);
        if (read.isEmpty()) {
            return;
        }
        C command = read.get();
        currentTimestamp = record.timestamp();
        Optional<Outcome> decided = outcomes.find(command.requestId());
        if (decided.isPresent()) {
            outcomes.replay(decided.get(), currentTimestamp);
            return;
        }
        decide.apply(command, Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .ifPresent(outcome -> outcomes.decide(outcome, currentTimestamp));
    }

    /** The task's outcomes, for a processor that ends a deferred command later. */
    public TaskOutcomes outcomes() {
        return outcomes;
    }

    /** Forwards a fact the decision produced (a ledger entry, a catalog version) to {@code sink}. */
    public void emit(String sink, String key, Object value) {
        context.forward(new Record<>(key, value, currentTimestamp), sink);
    }
}
