package dev.dealstream.system;

import static org.awaitility.Awaitility.await;

import dev.dealstream.ingest.IngestApplication;
import dev.dealstream.local.ChildProcess;
import dev.dealstream.local.TopicSetup;
import dev.dealstream.processor.ProcessorApplication;
import dev.dealstream.processor.support.StreamsRunner;
import dev.dealstream.query.QueryApplication;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.KeyPartitioner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Dealstream on a real embedded KRaft broker: topics as in production, and the services started on
 * demand, in this JVM or (for crash tests) the processor as a separate process.
 */
public final class SystemStack implements AutoCloseable {

    public static final int PARTITIONS = Topics.DEFAULT_PARTITIONS;

    private final EmbeddedKafkaKraftBroker broker;
    private final Path workDir;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<ChildProcess> children = new ArrayList<>();
    public final Http http = new Http();

    public SystemStack() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                // without these, exactly-once transactions never start on a single broker
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                // as the run command's broker (LocalKafkaBroker): wait for the previous commit's markers
                "add.partitions.to.txn.retry.backoff.max.ms", "1000",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        TopicSetup.createMissing(bootstrapServers(), PARTITIONS, (short) 1);
        try {
            // state outside /tmp, as in production (Streams warns about /tmp)
            Path states = Files.createDirectories(Path.of("target", "system-test-state"));
            workDir = Files.createTempDirectory(states.toAbsolutePath(), "run");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** A processor in this JVM, RUNNING when this returns. */
    public ConfigurableApplicationContext startProcessor(String instanceId) {
        ConfigurableApplicationContext processor = start(ProcessorApplication.class, processorProperties(instanceId, 0));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                processor.getBean(StreamsRunner.class).streams().state() == KafkaStreams.State.RUNNING);
        return processor;
    }

    /** A processor in its own JVM on {@code port}, RUNNING when this returns; {@link ChildProcess#kill()} crashes it. */
    public ChildProcess startProcessorProcess(String instanceId, int port) {
        List<String> arguments = new ArrayList<>(List.of("-cp", testClasspath(), ProcessorApplication.class.getName()));
        processorProperties(instanceId, port).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        ChildProcess processor = ChildProcess.startJava("processor-" + instanceId, List.of("-Xmx512m"), arguments,
                Path.of("target", "system-test-logs"));
        children.add(processor);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!processor.isAlive()) {
                throw new IllegalStateException("processor exited; see " + processor.log());
            }
            try {
                Http.Response health = http.get("http://127.0.0.1:" + port + "/actuator/health");
                return health.status() == 200 && health.body().toString().contains("\"RUNNING\"");
            } catch (IllegalStateException notListening) {
                return false;
            }
        });
        return processor;
    }

    // this test classpath has Spring MVC too (the processor's); the query API's and the ingest's own jars
    // have only WebFlux, so both are started as reactive applications
    public ConfigurableApplicationContext startQuery(List<String> processorUrls) {
        return start(QueryApplication.class, Map.of(
                "spring.main.web-application-type", "reactive",
                "server.port", "0",
                "dealstream.kafka.bootstrap-servers", bootstrapServers(),
                "dealstream.query.processor-urls", String.join(",", processorUrls),
                "dealstream.query.metadata-max-age", "2s",
                "dealstream.query.routing-budget", "10s"));
    }

    public ConfigurableApplicationContext startIngest(String queryUrl) {
        return start(IngestApplication.class, Map.of(
                "spring.main.web-application-type", "reactive",
                "server.port", "0",
                "dealstream.kafka.bootstrap-servers", bootstrapServers(),
                "dealstream.ingest.query-api-url", queryUrl,
                "dealstream.ingest.outcome-wait", "5s"));
    }

    public static String urlOf(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    }

    /**
     * The URL of the instance that owns each partition of {@code store}, by partition, as the processor
     * at {@code processorUrl} knows it (null where none does yet); empty while it cannot tell.
     */
    public List<String> partitionOwners(String processorUrl, String store) {
        Http.Response metadata = http.get(processorUrl + "/internal/metadata/stores/" + store);
        List<String> owners = new ArrayList<>();
        if (metadata.status() == 200) {
            metadata.body().get("owners").forEach(owner -> owners.add(owner.isNull() ? null : owner.asString()));
        }
        return owners;
    }

    /** The owner of {@code id}'s partition in {@code owners}, as {@link #partitionOwners} gives them. */
    public static String ownerOf(List<String> owners, long id) {
        return owners.get(KeyPartitioner.partitionOf(Long.toString(id), PARTITIONS));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record on {@code topic} from the beginning, as a read_committed consumer sees it. */
    public List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The order timeout is a minute instead of 10 s: a flash sale's burst of 5,000 orders queues for
     * longer than 10 s on a slow 2-core machine (cold JVMs; the broker, the ingest and the query API
     * in the test's own JVM beside the processor), and a saga that times out while its stock reply is
     * still queued is compensated correctly but leaves its unit unsold after later buyers were
     * refused, which is not what these tests check. The timeout is tested with the topology test driver.
     */
    private Map<String, String> processorProperties(String instanceId, int port) {
        return Map.of(
                "server.port", Integer.toString(port),
                "dealstream.kafka.bootstrap-servers", bootstrapServers(),
                "dealstream.processor.instance-id", instanceId,
                "dealstream.processor.state-dir", workDir.resolve(instanceId).toString(),
                "dealstream.processor.rocksdb-memory", "64MB",
                "dealstream.processor.order-timeout", "60s");
    }

    private ConfigurableApplicationContext start(Class<?> application, Map<String, String> properties) {
        // as arguments, which win over each service's application.properties
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(arguments);
        contexts.add(context);
        return context;
    }

    private static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        children.forEach(ChildProcess::kill);
        broker.destroy();
    }
}
