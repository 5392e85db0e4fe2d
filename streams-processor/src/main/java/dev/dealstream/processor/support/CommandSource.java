package dev.dealstream.processor.support;

import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * Wires a command topic (or a topic of facts another task wrote) to its processor: values are read as
 * bytes so that the processor, not the consumer, parses them and can dead-letter what it cannot read.
 */
public final class CommandSource {

    private CommandSource() {
    }

    public static void add(Topology topology, String topic, String processorName,
                           ProcessorSupplier<String, byte[], String, Object> processor) {
        add(topology, List.of(topic), processorName, processor);
    }

    /** One processor fed by several topics; it tells them apart by the record's metadata. */
    public static void add(Topology topology, List<String> topics, String processorName,
                           ProcessorSupplier<String, byte[], String, Object> processor) {
        String[] sources = topics.stream().map(topic -> topic + "-source").toArray(String[]::new);
        for (int i = 0; i < sources.length; i++) {
            topology.addSource(sources[i], new StringDeserializer(), new ByteArrayDeserializer(), topics.get(i));
        }
        topology.addProcessor(processorName, processor, sources);
        topics.forEach(topic -> DeadLetters.addSink(topology, topic, processorName));
    }
}
