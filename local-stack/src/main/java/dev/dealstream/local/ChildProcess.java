package dev.dealstream.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM the launcher started, with its output in a log file; stopped with SIGTERM, then SIGKILL. */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    /**
     * Every child JVM asks for transparent huge pages for its heap: in the kernel's usual mode
     * ({@code madvise}) only those who ask get them. On the KVM machines measured here a random read
     * from a 256 MB array took 450 ns on 4 KB pages and 250 ns on 2 MB pages (docs/operations.md).
     */
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmArgs> <arguments>} with the same JVM as this one. */
    public static ChildProcess startJava(String name, List<String> jvmArgs, List<String> arguments, Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HUGE_PAGES);
        command.addAll(jvmArgs);
        command.addAll(arguments);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Runs a JVM to completion (a one-off tool), failing if it exits non-zero. */
    public static void runJava(String name, List<String> jvmArgs, List<String> arguments, Path logDir) {
        ChildProcess tool = startJava(name, jvmArgs, arguments, logDir);
        try {
            if (!tool.process.waitFor(2, TimeUnit.MINUTES) || tool.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed; see " + tool.log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Graceful stop: SIGTERM, then SIGKILL if it has not exited within the grace period. */
    public void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** What a crash does: SIGKILL, no shutdown hooks, no final commit. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
