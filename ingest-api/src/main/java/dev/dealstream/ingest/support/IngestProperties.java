package dev.dealstream.ingest.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealstream.ingest.*}; see docs/configuration.md.
 *
 * @param outcomeWait    how long a command call waits for its outcome before answering 202
 * @param queryApiUrl    where the {@code Location} of a pending request points
 * @param startupTimeout how long start-up waits for the outcome topic to be readable
 * @param maxWaiting     calls that may wait for their outcome at once; past it a call answers 202 as
 *                       soon as its command is written, so overload sheds waiting, never commands
 */
@ConfigurationProperties("dealstream.ingest")
public record IngestProperties(
        @DefaultValue("2s") Duration outcomeWait,
        @DefaultValue("http://127.0.0.1:8081") String queryApiUrl,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("10000") int maxWaiting) {
}
