package dev.dealstream.processor.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Runs the topology in one {@link KafkaStreams} client. It starts after the web server (the default
 * phase), so the advertised port is known, and stops before it, so lookups fail over cleanly.
 */
public class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);
    /** About 200 commands per partition and fetch. */
    private static final int MAIN_FETCH_BYTES_PER_PARTITION = 65_536;

    private final Topology topology;
    private final ProcessorProperties properties;
    private final Environment environment;
    private final MeterRegistry meterRegistry;
    private final Path stateDir;
    private final UncleanShutdownRecovery recovery;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private volatile String advertisedUrl;

    public StreamsRunner(Topology topology, ProcessorProperties properties, Environment environment,
                         MeterRegistry meterRegistry) {
        this.topology = topology;
        this.properties = properties;
        this.environment = environment;
        this.meterRegistry = meterRegistry;
        this.stateDir = Path.of(properties.stateDir()).toAbsolutePath();
        this.recovery = new UncleanShutdownRecovery(stateDir, properties.applicationId());
    }

    @Override
    public void start() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        advertisedUrl = "http://" + properties.advertisedHost() + ":" + port;
        recovery.beforeStart();
        KafkaStreams client = new KafkaStreams(topology, streamsConfig(port));
        client.setStateListener((now, before) -> log.info("Processor {} -> {}", before, now));
        client.setUncaughtExceptionHandler(error -> {
            log.error("A stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        client.setGlobalStateRestoreListener(new RestoreLog());
        metrics = new KafkaStreamsMetrics(client);
        metrics.bindTo(meterRegistry);
        client.start();
        streams = client;
        log.info("Processor {} started, instance {}, state in {}", advertisedUrl, instanceId(port), stateDir);
    }

    Properties streamsConfig(int port) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, properties.advertisedHost() + ":" + port);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, Long.toString(properties.rocksdbMemory().toBytes()));
        config.put(BoundedRocksDbMemory.MEMTABLE_BYTES_CONFIG, Long.toString(properties.rocksdbMemtable().toBytes()));
        // static membership: a restarted instance takes its partitions back at once instead of after
        // the session timeout; Streams appends the thread index to make it unique per consumer
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId(port));
        // What a transaction writes is invisible until its commit, and the commit flushes the producer:
        // lingering until then costs no latency and sends one batch per partition per commit instead of
        // one every 5 ms, which is most of the broker's work. It also keeps a new transaction's first
        // write from reaching a partition while the previous commit's markers are still being written.
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), properties.commitInterval().toMillis());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 65_536);
        // A task reading several topics (user commands and charges) would otherwise hold back records
        // until it has fetched its idle partitions, up to a fetch wait per record. Nothing here depends
        // on timestamp order across topics: a client charges only after it saw its registration decided.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // The consumer hands out fetched records in the order the fetches came back, at most
        // max.poll.records per poll. With 1 MB per partition, a backlog of commands queued thousands of
        // records ahead of a saga's next step (a stock request, its reply), which then waited many polls:
        // under overload the sagas timed out. A small fetch per partition keeps that queue short.
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), MAIN_FETCH_BYTES_PER_PARTITION);
        return config;
    }

    private String instanceId(int port) {
        return properties.instanceId().isBlank()
                ? "processor-" + properties.advertisedHost() + "-" + port
                : properties.instanceId();
    }

    @Override
    public void stop() {
        KafkaStreams client = streams;
        if (client != null) {
            boolean closed = client.close(properties.closeTimeout());
            metrics.close();
            if (closed && client.state() == KafkaStreams.State.NOT_RUNNING) {
                recovery.afterCleanStop();
                log.info("Processor {} stopped", advertisedUrl);
            } else {
                log.warn("Processor {} did not stop cleanly within {} (state {})", advertisedUrl,
                        properties.closeTimeout(), client.state());
            }
        }
    }

    @Override
    public boolean isRunning() {
        KafkaStreams client = streams;
        return client != null && client.state().isRunningOrRebalancing();
    }

    public KafkaStreams streams() {
        KafkaStreams client = streams;
        if (client == null) {
            throw new IllegalStateException("the processor has not started");
        }
        return client;
    }

    public boolean started() {
        return streams != null;
    }

    /** Logs how much state each store restored and how long it took: what an operator waits on after a crash. */
    private static final class RestoreLog implements StateRestoreListener {
        private final Map<TopicPartition, Long> startedAt = new ConcurrentHashMap<>();

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
            startedAt.put(partition, System.nanoTime());
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
            // the per-store summary at the end is enough
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
            if (totalRestored > 0) {
                log.info("Restored {} records of {} ({}) in {} ms", totalRestored, store, partition,
                        Duration.ofNanos(System.nanoTime() - startedAt.getOrDefault(partition, System.nanoTime())).toMillis());
            }
            startedAt.remove(partition);
        }
    }
}
