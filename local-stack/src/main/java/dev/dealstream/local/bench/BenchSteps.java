package dev.dealstream.local.bench;

import dev.dealstream.local.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/** Steps every benchmark command shares. */
final class BenchSteps {

    private static final String DATA_DIR_PREFIX = "bench-data";

    private BenchSteps() {
    }

    static void waitForDecisions(OutcomeClock clock, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (clock.undecided() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /**
     * Waits until the warm-up's commands are decided, and then until the processor has consumed every
     * record committed on its inputs (the steps that follow an outcome, such as a product's stock
     * commit or the ranking's counts), before the measured phase starts: a backlog the cold JVMs built
     * is not measured as if the warm system had built it. A rate the warm system cannot keep builds
     * its own backlog in the measured phase, and shows there.
     *
     * @return what it waited for, for the report
     */
    static String drainWarmUp(OutcomeClock clock) throws ExecutionException, InterruptedException {
        int backlog = clock.undecided();
        long started = System.nanoTime();
        waitForDecisions(clock, Duration.ofMinutes(5));
        double decidedAfter = (System.nanoTime() - started) / 1e9;
        int left = clock.undecided();
        long behind;
        try (ProcessorLag lag = new ProcessorLag(clock.bootstrapServers())) {
            behind = lag.awaitCaughtUp(Duration.ofMinutes(3));
        }
        double caughtUpAfter = (System.nanoTime() - started) / 1e9;
        String decided = left == 0
                ? String.format(Locale.ROOT, "decided %.1f s later", decidedAfter)
                : String.format(Locale.ROOT, "%,d still undecided %.1f s later", left, decidedAfter);
        String consumed = behind == 0
                ? String.format(Locale.ROOT, "the processor's inputs consumed %.1f s later", caughtUpAfter)
                : String.format(Locale.ROOT, "the processor still %,d records behind on its inputs %.1f s later", behind, caughtUpAfter);
        String drained = String.format(Locale.ROOT, "%,d of its commands undecided when its last call was answered, %s, %s",
                backlog, decided, consumed);
        say("Warm-up backlog: %s", drained);
        return drained;
    }

    /**
     * A block of a million user ids after {@code base}, one for each minute: a run attached to a stack
     * that earlier runs used registers users of its own, so its balance checks see only its own
     * commands (a run takes longer than a minute).
     */
    static long userBlockOfThisMinute(long base) {
        return base + (System.currentTimeMillis() / 60_000 % 10_000 + 1) * 1_000_000;
    }

    static Set<String> unanswered(OpenLoad.Result... runs) {
        Set<String> all = new HashSet<>();
        for (OpenLoad.Result run : runs) {
            all.addAll(run.unanswered);
        }
        return all;
    }

    static Map<String, Long> withLoadGenerator(Map<String, Long> pids) {
        Map<String, Long> all = new LinkedHashMap<>(pids);
        all.put("load generator", ProcessHandle.current().pid());
        return all;
    }

    static String cpuShares(Map<String, Double> cpu) {
        StringBuilder shares = new StringBuilder();
        cpu.forEach((name, share) -> shares.append(shares.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f", name, share)));
        return shares.toString();
    }

    /**
     * A stack of its own in a new data folder under {@code target/}, stopped when this JVM ends, also on
     * Ctrl-C. The data of earlier runs is deleted first, gigabytes each (the broker's log, the
     * processor's state); their logs are kept.
     */
    static LocalStack freshStack() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        dropDataOfEarlierRuns(target);
        Path dataDir = Files.createTempDirectory(target, DATA_DIR_PREFIX);
        LocalStack stack = LocalStack.start(new String[] {"--data-dir=" + dataDir});
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "benchmark-stop"));
        return stack;
    }

    private static void dropDataOfEarlierRuns(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            for (Path run : entries.filter(entry -> entry.getFileName().toString().startsWith(DATA_DIR_PREFIX)).toList()) {
                try (Stream<Path> parts = Files.list(run)) {
                    for (Path part : parts.filter(entry -> !entry.getFileName().toString().equals(LocalStack.LOGS_DIR)).toList()) {
                        deleteTree(part);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Prints the report and appends it to {@code file} (none when blank). */
    static void publish(String report, String file) throws IOException {
        System.out.println(report);
        if (!file.isBlank()) {
            Files.writeString(Path.of(file), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            say("Appended to %s", file);
        }
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
