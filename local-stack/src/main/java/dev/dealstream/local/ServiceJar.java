package dev.dealstream.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One of the three Spring Boot services, run from its executable jar in a child JVM. */
public final class ServiceJar {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmArgs;
    private final List<String> properties;
    private ChildProcess process;

    public ServiceJar(String name, Path jar, int port, List<String> jvmArgs, List<String> properties) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.jvmArgs = jvmArgs;
        this.properties = properties;
    }

    /** The {@code *-exec.jar} that {@code mvnw package} builds in {@code <module>/target}. */
    public static Path executableJarOf(Path repository, String module) {
        Path target = repository.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target + "; run ./mvnw package"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + "; run ./mvnw package", e);
        }
    }

    public void start(Path logDir) {
        List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString(), "--server.port=" + port));
        arguments.addAll(properties);
        process = ChildProcess.startJava(name, jvmArgs, arguments, logDir);
    }

    /** Waits until {@code /actuator/health} answers and its body satisfies {@code ready}. */
    public void awaitHealthy(Duration timeout, Predicate<String> ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + process.log());
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && ready.test(response.body())) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + process.log());
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    public void stop() {
        if (process != null) {
            process.stop(30);
        }
    }
}
