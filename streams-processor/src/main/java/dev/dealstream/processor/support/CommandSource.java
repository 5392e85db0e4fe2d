package dev.dealstream.processor.support;

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
        String sourceName = topic + "-source";
        topology.addSource(sourceName, new StringDeserializer(), new ByteArrayDeserializer(), topic);
        topology.addProcessor(processorName, processor, sourceName);
        DeadLetters.addSink(topology, topic, processorName);
    }
}
