package dev.dealstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.QueryableStores;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** A request's status is looked up in the request logs the query API knows of: they must be all of them. */
class RequestLogsTest {

    @Test
    void theQueryApiAsksEveryRequestLogOfTheTopology() {
        Set<String> requestLogs = ProcessorTopology.build(TopologySettings.DEFAULT).describe().subtopologies().stream()
                .flatMap(subtopology -> subtopology.nodes().stream())
                .filter(node -> node instanceof TopologyDescription.Processor)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream())
                .filter(store -> store.endsWith(CommandTask.REQUEST_LOG_SUFFIX))
                .collect(Collectors.toSet());

        assertThat(requestLogs).containsExactlyInAnyOrderElementsOf(QueryableStores.REQUEST_LOGS);
    }
}
