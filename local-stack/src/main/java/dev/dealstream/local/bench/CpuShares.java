package dev.dealstream.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time each process used over a window, from {@code /proc/<pid>/stat} (utime + stime), as a share
 * of one core: 1.0 is one core busy for the whole window.
 */
final class CpuShares {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private long startNanos;

    CpuShares(Map<String, Long> pids) {
        this.pids = pids;
    }

    void start() {
        startNanos = System.nanoTime();
        pids.forEach((name, pid) -> ticksOf(pid).ifPresent(ticks -> startTicks.put(name, ticks)));
    }

    Map<String, Double> stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> shares = new LinkedHashMap<>();
        startTicks.forEach((name, before) -> ticksOf(pids.get(name))
                .ifPresent(after -> shares.put(name, (after - before) / TICKS_PER_SECOND / seconds)));
        return shares;
    }

    private static Optional<Long> ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
