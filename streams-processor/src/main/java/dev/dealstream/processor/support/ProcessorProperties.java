package dev.dealstream.processor.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Kafka Streams application ({@code dealstream.processor.*}); see docs/configuration.md.
 *
 * @param instanceId      static group membership id, unique per instance and stable across restarts;
 *                        empty means {@code processor-<advertisedHost>-<port>}
 * @param advertisedHost  the host other services reach this instance's internal endpoint on
 * @param streamThreads   stream threads of this instance; each has its own producer and transaction, so
 *                        one thread commits everything its tasks wrote at once (see docs/configuration.md)
 * @param commitInterval  how often each stream thread commits its transaction: a decision is visible
 *                        only then, so a saga pays it once per hop (see docs/configuration.md)
 * @param rocksdbMemory   off-heap memory shared by all RocksDB stores of this instance
 * @param rocksdbMemtable the size at which a store's memtable is flushed to a file
 * @param requestRetention how long request ids are remembered for dedupe and outcome lookups
 * @param orderTimeout    how long an order waits for its stock replies before it is rejected
 * @param rankingPublishInterval how often each ranking partition publishes its top products
 */
@ConfigurationProperties("dealstream.processor")
public record ProcessorProperties(
        @DefaultValue("127.0.0.1:9092") String bootstrapServers,
        @DefaultValue("dealstream-processor") String applicationId,
        @DefaultValue("") String instanceId,
        @DefaultValue("127.0.0.1") String advertisedHost,
        @DefaultValue("data/processor/state") String stateDir,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("25ms") Duration commitInterval,
        @DefaultValue("1") int replicationFactor,
        @DefaultValue("0") int standbyReplicas,
        @DefaultValue("512MB") DataSize rocksdbMemory,
        @DefaultValue("2MB") DataSize rocksdbMemtable,
        @DefaultValue("24h") Duration requestRetention,
        @DefaultValue("10s") Duration orderTimeout,
        @DefaultValue("1s") Duration rankingPublishInterval,
        @DefaultValue("60s") Duration closeTimeout) {
}
