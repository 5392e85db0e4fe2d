package dev.dealstream.local;

import dev.dealstream.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's run command: a real KRaft broker, the topics, the processor, the ingest API and the
 * query API on localhost, with data kept in a folder so a restart keeps everything. Ctrl-C stops all.
 *
 * <p>Options: {@code --demo} loads {@link DemoData}; {@code --data-dir=DIR} (default {@code data});
 * {@code --partitions=N} for new topics (default 12); {@code --repository=DIR} where the modules were
 * built (default the current directory).
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** The folder in the data folder where each process writes its log. */
    public static final String LOGS_DIR = "logs";

    private final Options options;
    private final LocalKafkaBroker broker;
    private final List<ServiceJar> services = new ArrayList<>();
    private ServiceJar processor;
    /** Set when stopping starts, so the supervisor does not mistake a stopped child for a crash. */
    private volatile boolean stopping;

    record Options(Path repository, Path dataDir, int partitions, boolean demo) {
        static Options parse(String[] args) {
            Path repository = Path.of(".");
            Path dataDir = Path.of("data");
            int partitions = Topics.DEFAULT_PARTITIONS;
            boolean demo = false;
            for (String arg : args) {
                if (arg.equals("--demo")) {
                    demo = true;
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(arg.substring("--data-dir=".length()));
                } else if (arg.startsWith("--partitions=")) {
                    partitions = Integer.parseInt(arg.substring("--partitions=".length()));
                } else if (arg.startsWith("--repository=")) {
                    repository = Path.of(arg.substring("--repository=".length()));
                } else {
                    throw new IllegalArgumentException("unknown option " + arg
                            + "; options: --demo --data-dir=DIR --partitions=N --repository=DIR");
                }
            }
            return new Options(repository.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), partitions, demo);
        }
    }

    LocalStack(Options options) {
        this.options = options;
        this.broker = new LocalKafkaBroker(options.dataDir(), options.repository().resolve("local-stack/target/lib"), 9092);
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(Options.parse(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            log.error("Could not start: {}", e.getMessage());
            System.exit(1);
        }
        stack.superviseUntilAChildDies();
        stopped.await();
    }

    /** Starts a stack with the run command's options and returns it running; {@link #stop()} ends it. */
    public static LocalStack start(String[] args) throws Exception {
        LocalStack stack = new LocalStack(Options.parse(args));
        try {
            stack.startAll();
        } catch (Exception e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /** The process id of the broker and of each service. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", broker.process().pid());
        services.forEach(service -> pids.put(service.name(), service.process().pid()));
        return pids;
    }

    /** The processes of a stack started by another command on this machine, found by their command lines. */
    public static Map<String, Long> findRunningProcesses() {
        Map<String, String> signatures = Map.of("kafka", "kafka.Kafka", "processor", "streams-processor",
                "query-api", "query-api", "ingest-api", "ingest-api");
        Map<String, Long> pids = new LinkedHashMap<>();
        ProcessHandle.allProcesses().forEach(process -> process.info().commandLine().ifPresent(command ->
                signatures.forEach((name, signature) -> {
                    if (command.contains(signature) && command.contains("java")) {
                        pids.putIfAbsent(name, process.pid());
                    }
                })));
        return pids;
    }

    void startAll() throws Exception {
        Path logDir = options.dataDir().resolve(LOGS_DIR);
        log.info("Starting Kafka on {} (data in {})", broker.bootstrapServers(), options.dataDir());
        broker.start(logDir);
        List<String> created = TopicSetup.createMissing(broker.bootstrapServers(), options.partitions(), (short) 1);
        if (!created.isEmpty()) {
            log.info("Created {} topics with {} partitions", created.size(), options.partitions());
        }
        String kafka = "--dealstream.kafka.bootstrap-servers=" + broker.bootstrapServers();
        Path repository = options.repository();
        processor = new ServiceJar("processor", ServiceJar.executableJarOf(repository, "streams-processor"), 8082,
                processorJvmArgs(), List.of(kafka,
                        "--dealstream.processor.state-dir=" + options.dataDir().resolve("processor-state")));
        ServiceJar query = new ServiceJar("query-api", ServiceJar.executableJarOf(repository, "query-api"), 8081,
                List.of("-Xmx512m"), List.of(kafka, "--dealstream.query.processor-urls=" + processor.url()));
        // The ingest holds each call until its outcome, seconds under an order burst. With G1 sizing the
        // young generation itself, every collection copied the waiting calls: 16 % of the ingest's CPU
        // samples at 3,000 orders/s. A fixed 600 MB collects about every 7 s, when most are answered.
        ServiceJar ingest = new ServiceJar("ingest-api", ServiceJar.executableJarOf(repository, "ingest-api"), 8080,
                List.of("-Xms1g", "-Xmx1g", "-Xmn600m"), List.of(kafka, "--dealstream.ingest.query-api-url=" + query.url()));
        for (ServiceJar service : List.of(processor, query, ingest)) {
            log.info("Starting {}", service.name());
            service.start(logDir);
            services.add(service);
        }
        processor.awaitHealthy(START_TIMEOUT, body -> body.contains("\"RUNNING\""));
        query.awaitHealthy(START_TIMEOUT, body -> body.contains("\"UP\""));
        ingest.awaitHealthy(START_TIMEOUT, body -> body.contains("\"UP\""));
        if (options.demo()) {
            new DemoData(ingest.url()).load();
            log.info("Demo data loaded: users 1-{} with {} won each, products 1-{} with {} units each",
                    DemoData.USERS, DemoData.CHARGE, DemoData.PRODUCT_COUNT, DemoData.STOCK);
        }
        System.out.printf("""

                Dealstream is running. Data in %s, logs in %s
                  ingest API  %s   e.g. curl -X PUT %s/api/v1/admin/users/1 -H 'Content-Type: application/json' -d '{"name":"Mina"}'
                  query API   %s   e.g. curl %s/api/v1/wallets/1
                  processor   %s   (internal lookups, /actuator/health, /actuator/prometheus)
                  Kafka       %s
                Press Ctrl-C to stop.
                %n""", options.dataDir(), logDir, ingest.url(), ingest.url(), query.url(), query.url(),
                processor.url(), broker.bootstrapServers());
    }

    /** Stops the processor gracefully; the broker and the APIs keep running (for the processor-alone benchmark). */
    public void stopProcessor() {
        processor.stop();
    }

    /** Starts the processor again on its state and returns once it is RUNNING. */
    public void startProcessor() {
        processor.start(options.dataDir().resolve(LOGS_DIR));
        processor.awaitHealthy(START_TIMEOUT, body -> body.contains("\"RUNNING\""));
    }

    private static List<String> processorJvmArgs() {
        // RocksDB's JNI library: newer JDKs warn (and will refuse) without the explicit permission
        return Runtime.version().feature() >= 22
                ? List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED")
                : List.of("-Xmx1g");
    }

    private void superviseUntilAChildDies() throws InterruptedException {
        while (!stopping) {
            Thread.sleep(1000);
            List<String> dead = new ArrayList<>();
            services.stream().filter(service -> !service.process().isAlive()).forEach(service -> dead.add(service.name()));
            if (!broker.process().isAlive()) {
                dead.add("kafka");
            }
            if (!dead.isEmpty()) {
                // Ctrl-C in a terminal signals the children too: give our shutdown hook time to say so
                Thread.sleep(2000);
                if (!stopping) {
                    log.error("{} exited; see the logs in {}. Stopping everything.", dead,
                            options.dataDir().resolve(LOGS_DIR));
                    System.exit(1);
                }
            }
        }
    }

    public void stop() {
        stopping = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        broker.stop();
        log.info("Stopped");
    }
}
