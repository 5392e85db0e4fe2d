package dev.dealstream.local.bench;

import static dev.dealstream.local.bench.BenchSteps.cpuShares;
import static dev.dealstream.local.bench.BenchSteps.drainWarmUp;
import static dev.dealstream.local.bench.BenchSteps.freshStack;
import static dev.dealstream.local.bench.BenchSteps.publish;
import static dev.dealstream.local.bench.BenchSteps.say;
import static dev.dealstream.local.bench.BenchSteps.unanswered;
import static dev.dealstream.local.bench.BenchSteps.userBlockOfThisMinute;
import static dev.dealstream.local.bench.BenchSteps.waitForDecisions;
import static dev.dealstream.local.bench.BenchSteps.withLoadGenerator;

import dev.dealstream.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The wallet benchmark: charges for many users at a fixed arrival rate after a warm-up, everything on
 * this machine. Reports the HTTP answer and request → decision latencies, the CPU each process used,
 * checks every balance against the decided charges, and appends the run to docs/benchmarks.md.
 *
 * <p>Options: {@code --rate=5000} charges/s, {@code --warmup=60} and {@code --duration=60} seconds,
 * {@code --users=100000}, {@code --connections=2048} (each call holds its connection until its decision,
 * so fewer connections cap the rate: 64 of them capped a run near 1,500/s), {@code --attach} to use a
 * stack already running on the default ports instead of starting a fresh one (with users of its own),
 * {@code --record=docs/benchmarks.md} ({@code --record=} for none).
 */
public final class ChargeBenchmark {

    private static final long USER_BASE = 10_000_000;
    private static final String INGEST_HOST = "127.0.0.1";
    private static final int INGEST_PORT = 8080;

    private final Options options;
    private final long userBase;
    /** Only for the exactness check, after the measurement. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    /** Amount and user of every charge sent, by request id, to check balances against decisions. */
    private final Map<String, long[]> charges = new ConcurrentHashMap<>();

    record Options(int rate, int warmupSeconds, int durationSeconds, int users, int connections, boolean attach,
                   String record, String commandLine) {
        static Options parse(String[] args) {
            BenchArgs options = new BenchArgs("charges", args);
            Options parsed = new Options(options.integer("rate", 5_000), options.integer("warmup", 60),
                    options.integer("duration", 60), options.integer("users", 100_000), options.integer("connections", 2_048),
                    options.flag("attach"), options.text("record", "docs/benchmarks.md"), options.commandLine());
            options.rejectUnknown();
            return parsed;
        }
    }

    private ChargeBenchmark(Options options) {
        this.options = options;
        this.userBase = options.attach() ? userBlockOfThisMinute(USER_BASE) : USER_BASE;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.attach()) {
            new ChargeBenchmark(options).run(LocalStack.findRunningProcesses());
            System.exit(0);
        }
        LocalStack stack = freshStack();
        new ChargeBenchmark(options).run(stack.pids());
        System.exit(0);
    }

    private void run(Map<String, Long> pids) throws Exception {
        say("Load: %d persistent connections to the ingest API", options.connections());
        String query = "http://127.0.0.1:8081";
        try (OutcomeClock clock = new OutcomeClock("127.0.0.1:9092");
             OpenLoad load = new OpenLoad(INGEST_HOST, INGEST_PORT, options.connections())) {
            int registrationRate = Math.min(options.rate(), 5_000);
            say("Registering %,d users at %,d/s", options.users(), registrationRate);
            OpenLoad.Result registration = load.run(registrationRate, options.users(), i -> register(i), clock::due);
            waitForDecisions(clock, Duration.ofSeconds(60));
            say("Registered: %s; %,d decided", registration.statuses, clock.decided.get());
            say("Warming up: %d s at %,d charges/s", options.warmupSeconds(), options.rate());
            OpenLoad.Result warmup = load.run(options.rate(), (long) options.rate() * options.warmupSeconds(),
                    i -> charge("w", i), clock::due);
            say("Warm-up answered: %s", warmup.statuses);
            String warmupBacklog = drainWarmUp(clock);
            say("Measuring: %d s at %,d charges/s", options.durationSeconds(), options.rate());
            CpuShares cpu = new CpuShares(withLoadGenerator(pids));
            clock.measure(true);
            cpu.start();
            long decidedBefore = clock.decided.get();
            OpenLoad.Result measured = load.run(options.rate(), (long) options.rate() * options.durationSeconds(),
                    i -> charge("m", i), clock::due);
            Map<String, Double> shares = cpu.stop();
            long decidedDuring = clock.decided.get() - decidedBefore;
            waitForDecisions(clock, Duration.ofSeconds(60));
            clock.measure(false);
            Exactness exactness = verify(query, clock, unanswered(registration, warmup, measured));
            String report = report(measured, warmupBacklog, clock, shares, decidedDuring, exactness);
            publish(report, options.record());
        }
    }

    private OpenLoad.Call register(long i) {
        long user = userBase + i + 1;
        String requestId = "bench-" + runId + "-u-" + user;
        // set-up, not measured: no need to hold calls open while the JVMs are still cold
        return new OpenLoad.Call(requestId, OpenLoad.request("PUT", INGEST_HOST, "/api/v1/admin/users/" + user,
                "{\"name\":\"bench " + user + "\"}", "Idempotency-Key", requestId, "Prefer", "respond-async"));
    }

    private OpenLoad.Call charge(String phase, long i) {
        // a stride through the users so consecutive charges hit different users and partitions
        long user = userBase + (i * 7_919 % options.users()) + 1;
        long amount = 1_000 + (i % 10) * 100;
        String requestId = "bench-" + runId + "-" + phase + "-" + i;
        charges.put(requestId, new long[] {user, amount});
        return new OpenLoad.Call(requestId, OpenLoad.request("POST", INGEST_HOST, "/api/v1/wallets/" + user + "/charges",
                "{\"amount\":" + amount + "}", "Idempotency-Key", requestId));
    }

    /**
     * @param undecided requests answered by the ingest API (so written to Kafka) that never got a decision
     * @param unanswered requests that got no HTTP answer (see {@link OpenLoad.Result#unanswered}): not known to have been sent
     */
    record Exactness(long usersChecked, long mismatches, long unreadable, long undecided, long unanswered,
                     long secondDecisions) {
        boolean exact() {
            return mismatches == 0 && unreadable == 0 && undecided == 0 && secondDecisions == 0;
        }
    }

    /** Every charged user's balance must equal the sum of that user's charges decided SUCCEEDED. */
    private Exactness verify(String query, OutcomeClock clock, Set<String> unanswered) throws InterruptedException {
        Map<Long, Long> expected = new HashMap<>();
        charges.forEach((requestId, charge) -> {
            if (clock.succeeded.contains(requestId)) {
                expected.merge(charge[0], charge[1], Long::sum);
            }
        });
        say("Checking %,d balances", expected.size());
        AtomicLong mismatches = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (Map.Entry<Long, Long> user : expected.entrySet()) {
            inFlight.acquire();
            HttpRequest read = HttpRequest.newBuilder(URI.create(query + "/api/v1/wallets/" + user.getKey())).build();
            reads.add(http.sendAsync(read, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error != null || response.statusCode() != 200) {
                    unreadable.incrementAndGet();
                } else if (!response.body().contains("\"balance\":" + user.getValue() + ",")) {
                    mismatches.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        long undecided = clock.undecidedIds().stream().filter(id -> !unanswered.contains(id)).count();
        return new Exactness(expected.size(), mismatches.get(), unreadable.get(), undecided,
                unanswered.size(), clock.duplicates.get());
    }

    private String report(OpenLoad.Result measured, String warmupBacklog, OutcomeClock clock, Map<String, Double> cpu, long decidedDuring,
                          Exactness exactness) {
        BenchmarkEnvironment environment = BenchmarkEnvironment.current();
        double seconds = options.durationSeconds();
        String statuses = measured.statuses.entrySet().stream()
                .map(status -> status.getKey() + ": " + status.getValue()).collect(Collectors.joining(", "));
        String cpuShares = cpuShares(cpu);
        String rejections = clock.rejections.isEmpty() ? "none" : clock.rejections.toString();
        return String.format(Locale.ROOT, """

                ### %s — charges at %,d/s (commit %s)

                - Command: `%s`
                - JDK: %s; machine: %s. Everything on this machine: Kafka broker, processor, ingest API, query API and the load generator.
                - Warm-up %d s at the same rate (%s), then %d s measured; %,d users; open model over %d persistent connections (latency from when each request was due).

                | measure | result |
                |---|---|
                | offered | %,d charges/s |
                | sent / answered | %,d / %,d; statuses %s; at most %,d due calls waited for a free connection |
                | decided during the window | %,.0f/s |
                | HTTP answer (waits for the outcome) | %s |
                | request → decision committed on `request.outcomes` | %s |
                | refusals | %s |
                | CPU, cores busy (of 2) | %s |
                | exactness | %s: %,d balances checked, %d mismatched, %d unreadable; %d answered requests undecided, %d second decisions (%d requests without an HTTP answer) |
                """,
                LocalDate.now(), options.rate(), environment.commit(), options.commandLine(), environment.jdk(),
                environment.machine(), options.warmupSeconds(), warmupBacklog, options.durationSeconds(), options.users(), options.connections(),
                options.rate(), measured.sent.get(), measured.answered.get(), statuses, measured.peakWaitingForConnection,
                decidedDuring / seconds, measured.http.summary(), clock.summary(), rejections, cpuShares,
                exactness.exact() ? "exact" : "NOT EXACT", exactness.usersChecked(), exactness.mismatches(),
                exactness.unreadable(), exactness.undecided(), exactness.secondDecisions(), exactness.unanswered());
    }

}
