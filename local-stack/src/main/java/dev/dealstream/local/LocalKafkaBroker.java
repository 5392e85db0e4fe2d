package dev.dealstream.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller), run from Kafka's own server
 * classes in a child JVM. Its storage is formatted once and kept in the data folder, so a restart
 * keeps every topic and all state.
 */
public final class LocalKafkaBroker {

    private final Path dataDir;
    private final Path libDir;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    public LocalKafkaBroker(Path dataDir, Path libDir, int port) {
        this.dataDir = dataDir;
        this.libDir = libDir;
        this.port = port;
        this.controllerPort = port + 1;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start(Path logDir) throws IOException {
        Path kafkaDir = Files.createDirectories(dataDir.resolve("kafka"));
        Path logDirs = kafkaDir.resolve("log-dirs");
        Path config = kafkaDir.resolve("server.properties");
        Files.writeString(config, serverProperties(logDirs));
        Path logging = kafkaDir.resolve("log4j2.properties");
        try (InputStream template = getClass().getResourceAsStream("/broker-log4j2.properties")) {
            Files.copy(template, logging, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> jvm = List.of("-Xms512m", "-Xmx1g",
                "-Dlog4j2.configurationFile=" + logging.toAbsolutePath(),
                "-Dkafka.logs.dir=" + logDir.toAbsolutePath(),
                "-cp", libDir.toAbsolutePath() + "/*");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ChildProcess.runJava("kafka-format", jvm, List.of("kafka.tools.StorageTool", "format", "--standalone",
                    "-t", Uuid.randomUuid().toString(), "-c", config.toString()), logDir);
        }
        process = ChildProcess.startJava("kafka", jvm, List.of("kafka.Kafka", config.toString()), logDir);
        awaitListening();
    }

    private String serverProperties(Path logDirs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // A processor's next transaction writes to the partitions of the one it just committed. Until
                // the commit markers are written, the broker retries adding them; past this it refuses with
                // CONCURRENT_TRANSACTIONS and the producer backs off 100 ms or more.
                "add.partitions.to.txn.retry.backoff.max.ms=1000",
                "");
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start; see " + process.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka did not listen on " + port + " within 60 s; see " + process.log());
    }

    public ChildProcess process() {
        return process;
    }

    public void stop() {
        if (process != null) {
            process.stop(30);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
