package dev.dealstream.query.support;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealstream.query.*}; see docs/configuration.md.
 *
 * @param processorUrls   processor instances to ask for store metadata (any one of them is enough)
 * @param metadataMaxAge  how long a store's owner map is used before it is fetched again
 * @param routingBudget   how long a lookup keeps retrying while its key moves or its store restores
 * @param callTimeout     timeout of one call to a processor
 */
@ConfigurationProperties("dealstream.query")
public record QueryProperties(
        @DefaultValue("http://127.0.0.1:8082") List<String> processorUrls,
        @DefaultValue("10s") Duration metadataMaxAge,
        @DefaultValue("3s") Duration routingBudget,
        @DefaultValue("2s") Duration callTimeout) {
}
