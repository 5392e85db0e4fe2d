package dev.dealstream.system;

import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the topics say happened, read as a downstream read_committed consumer would. */
public final class Ledgers {

    private final SystemStack stack;

    public Ledgers(SystemStack stack) {
        this.stack = stack;
    }

    /** Decided outcomes (replays excluded) of the given request ids, counted per request id. */
    public Map<String, Long> decisionsPerRequest(Set<String> requestIds) {
        return decidedRecords(requestIds).collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    public List<Outcome> outcomesOf(Set<String> requestIds) {
        JsonSerde<Outcome> reader = JsonSerde.of(Outcome.class);
        return decidedRecords(requestIds).map(record -> reader.deserialize(record.topic(), record.value()))
                .toList();
    }

    /** The decided outcomes (replays excluded) of the given request ids, by request id: one each, if all is well. */
    public Map<String, List<Outcome>> decisionsOf(Set<String> requestIds) {
        JsonSerde<Outcome> reader = JsonSerde.of(Outcome.class);
        return decidedRecords(requestIds).collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(record -> reader.deserialize(record.topic(), record.value()), Collectors.toList())));
    }

    /** The outcome records of the given request ids on {@code request.outcomes}, replays left out. */
    private Stream<ConsumerRecord<String, byte[]>> decidedRecords(Set<String> requestIds) {
        return stack.readCommitted(Topics.REQUEST_OUTCOMES).stream()
                .filter(record -> requestIds.contains(record.key()))
                .filter(record -> record.headers().lastHeader(HeaderNames.REPLAY) == null);
    }

    /** Every ledger entry of the given users. */
    public List<LedgerEntry> ledgerOf(Set<String> userKeys) {
        JsonSerde<LedgerEntry> reader = JsonSerde.of(LedgerEntry.class);
        return stack.readCommitted(Topics.WALLET_LEDGER).stream()
                .filter(record -> userKeys.contains(record.key()))
                .map(record -> reader.deserialize(record.topic(), record.value()))
                .toList();
    }

    public static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
