package dev.dealstream.local.bench;

import static dev.dealstream.local.bench.BenchSteps.cpuShares;
import static dev.dealstream.local.bench.BenchSteps.drainWarmUp;
import static dev.dealstream.local.bench.BenchSteps.freshStack;
import static dev.dealstream.local.bench.BenchSteps.publish;
import static dev.dealstream.local.bench.BenchSteps.say;
import static dev.dealstream.local.bench.BenchSteps.unanswered;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The coupon drop benchmark: one campaign of {@code --quantity} coupons asked for by {@code --requests}
 * users, each once, at a fixed arrival rate through the ingest API after a warm-up on another
 * campaign. Reports the rate decided and the HTTP and request → decision latencies, then checks the
 * quota: exactly {@code quantity} coupons issued, to distinct users, and the outcomes, the campaign
 * store, {@code coupon.issued} and every winner's coupon book agree.
 *
 * <p>Options: {@code --rate=10000}, {@code --requests=1000000} (also the number of users),
 * {@code --quantity=100000}, {@code --warmup=60} seconds, {@code --connections=4096} (each waits for its
 * decision, so it takes rate × latency of them to keep up: 10,000/s at the 250 ms target is 2,500 calls
 * in flight, more than 2,048 connections hold), {@code --attach},
 * {@code --record=docs/benchmarks.md}.
 */
public final class CouponRushBenchmark {

    private static final long USER_BASE = 20_000_000;
    private static final long STRIDE = 7_919;
    private static final String INGEST_HOST = "127.0.0.1";
    private static final int INGEST_PORT = 8080;
    private static final String QUERY = "http://127.0.0.1:8081";
    private static final String KAFKA = "127.0.0.1:9092";

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final long warmupCampaign = System.currentTimeMillis() % 1_000_000_000L * 2 + 1;
    private final long rushCampaign = warmupCampaign + 1;

    record Options(int rate, int requests, int quantity, int warmupSeconds, int connections, boolean attach,
                   String record, String commandLine) {
        static Options parse(String[] args) {
            BenchArgs options = new BenchArgs("coupons", args);
            Options parsed = new Options(options.integer("rate", 10_000), options.integer("requests", 1_000_000),
                    options.integer("quantity", 100_000), options.integer("warmup", 60), options.integer("connections", 4_096),
                    options.flag("attach"), options.text("record", "docs/benchmarks.md"), options.commandLine());
            options.rejectUnknown();
            return parsed;
        }
    }

    private CouponRushBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.attach()) {
            new CouponRushBenchmark(options).run(LocalStack.findRunningProcesses());
            System.exit(0);
        }
        LocalStack stack = freshStack();
        new CouponRushBenchmark(options).run(stack.pids());
        System.exit(0);
    }

    private void run(Map<String, Long> pids) throws Exception {
        try (OutcomeClock clock = new OutcomeClock(KAFKA); DirectCommands commands = new DirectCommands(KAFKA);
             OpenLoad load = new OpenLoad(INGEST_HOST, INGEST_PORT, options.connections())) {
            say("Registering %,d users and two campaigns straight on the command topics", options.requests());
            for (long i = 0; i < options.requests(); i++) {
                String requestId = "bench-" + runId + "-u-" + i;
                clock.due(requestId, System.nanoTime());
                commands.registerUser(requestId, USER_BASE + i + 1);
            }
            int warmupRequests = options.rate() * options.warmupSeconds();
            defineCampaign(commands, clock, warmupCampaign, Math.max(1, warmupRequests / 10));
            defineCampaign(commands, clock, rushCampaign, options.quantity());
            commands.flush();
            waitForDecisions(clock, Duration.ofMinutes(10));
            say("Set up: %,d decided, refusals %s", clock.decided.get(), clock.rejections);
            say("Warming up: %d s at %,d requests/s on campaign %d", options.warmupSeconds(), options.rate(), warmupCampaign);
            OpenLoad.Result warmup = load.run(options.rate(), warmupRequests, i -> issue("w", warmupCampaign, i), clock::due);
            say("Warm-up answered: %s", warmup.statuses);
            String warmupBacklog = drainWarmUp(clock);
            clock.rejections.clear();
            say("Measuring: %,d requests at %,d/s on campaign %d (%,d coupons)", options.requests(), options.rate(),
                    rushCampaign, options.quantity());
            CpuShares cpu = new CpuShares(withLoadGenerator(pids));
            clock.measure(true);
            cpu.start();
            long decidedBefore = clock.decided.get();
            long started = System.nanoTime();
            OpenLoad.Result measured = load.run(options.rate(), options.requests(), i -> issue("m", rushCampaign, i), clock::due);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> shares = cpu.stop();
            long decidedDuring = clock.decided.get() - decidedBefore;
            waitForDecisions(clock, Duration.ofSeconds(120));
            clock.measure(false);
            String exactness = verify(clock, unanswered(warmup, measured));
            String report = report(measured, warmupBacklog, clock, shares, decidedDuring / seconds, exactness);
            publish(report, options.record());
        }
    }

    private void defineCampaign(DirectCommands commands, OutcomeClock clock, long campaign, int quantity) {
        String requestId = "bench-" + runId + "-c-" + campaign;
        clock.due(requestId, System.nanoTime());
        commands.defineCampaign(requestId, campaign, quantity);
    }

    /** Request i of a phase: every user asks once per phase, in an order that spreads them over the partitions. */
    private OpenLoad.Call issue(String phase, long campaign, long i) {
        String requestId = "bench-" + runId + "-" + phase + "-" + i;
        return new OpenLoad.Call(requestId, OpenLoad.request("POST", INGEST_HOST, "/api/v1/coupon-campaigns/" + campaign + "/issues",
                "{\"userId\":" + userOf(i) + "}", "Idempotency-Key", requestId));
    }

    private long userOf(long i) {
        return USER_BASE + (i * STRIDE % options.requests()) + 1;
    }

    /**
     * Exactly {@code quantity} of the measured requests succeeded, for distinct users; the campaign
     * store counts as many; {@code coupon.issued} holds those coupons for those users; and each winner's
     * coupon book, read through the query API, holds exactly that coupon of the campaign.
     */
    private String verify(OutcomeClock clock, Set<String> unanswered) throws InterruptedException {
        String measuredPrefix = "bench-" + runId + "-m-";
        Set<Long> winners = new HashSet<>();
        long succeeded = clock.succeeded.stream().filter(id -> id.startsWith(measuredPrefix))
                .peek(id -> winners.add(userOf(Long.parseLong(id.substring(measuredPrefix.length()))))).count();
        String campaign = get(QUERY + "/api/v1/coupon-campaigns/" + rushCampaign);
        boolean storeCounts = campaign.contains("\"issuedCount\":" + options.quantity() + ",")
                && campaign.contains("\"remaining\":0,");
        Map<String, Long> onTopic = IssuedCoupons.read(KAFKA, Set.of(rushCampaign)).getOrDefault(rushCampaign, Map.of());
        boolean topicAgrees = onTopic.size() == options.quantity() && new HashSet<>(onTopic.values()).equals(winners);
        say("Checking the coupon books of %,d winners", winners.size());
        AtomicLong booksWrong = new AtomicLong();
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (long user : winners) {
            inFlight.acquire();
            HttpRequest read = HttpRequest.newBuilder(URI.create(QUERY + "/api/v1/users/" + user + "/coupons")).build();
            reads.add(http.sendAsync(read, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                String marker = "\"campaignId\":" + rushCampaign + ",";
                if (error != null || response.statusCode() != 200
                        || response.body().split(marker, -1).length != 2) {
                    booksWrong.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        long undecided = clock.undecidedIds().stream().filter(id -> !unanswered.contains(id)).count();
        boolean exact = succeeded == options.quantity() && winners.size() == options.quantity() && storeCounts
                && topicAgrees && booksWrong.get() == 0 && undecided == 0 && clock.duplicates.get() == 0;
        return String.format(Locale.ROOT, "%s: %,d issued to %,d distinct users (quota %,d); campaign store %s; "
                        + "coupon.issued %s (%,d records); %,d winners' coupon books wrong; %d answered requests undecided, "
                        + "%d second decisions (%d requests without an HTTP answer)",
                exact ? "exact" : "NOT EXACT", succeeded, winners.size(), options.quantity(), storeCounts ? "agrees" : "DISAGREES",
                topicAgrees ? "agrees" : "DISAGREES", onTopic.size(), booksWrong.get(), undecided, clock.duplicates.get(),
                unanswered.size());
    }

    private String get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }

    private String report(OpenLoad.Result measured, String warmupBacklog, OutcomeClock clock, Map<String, Double> cpu, double decidedPerSecond,
                          String exactness) {
        BenchmarkEnvironment environment = BenchmarkEnvironment.current();
        String statuses = measured.statuses.entrySet().stream()
                .map(status -> status.getKey() + ": " + status.getValue()).collect(Collectors.joining(", "));
        Map<String, AtomicLong> refusals = new HashMap<>(clock.rejections);
        return String.format(Locale.ROOT, """

                ### %s — coupon drop at %,d requests/s (commit %s)

                - Command: `%s`
                - JDK: %s; machine: %s. Everything on this machine: Kafka broker, processor, ingest API, query API and the load generator.
                - %,d users registered on the command topic; warm-up %d s at the same rate on another campaign (%s); then %,d requests (each user once) for %,d coupons of one campaign, so one partition and one stream thread decide them all; open model over %d persistent connections (latency from when each request was due).

                | measure | result |
                |---|---|
                | offered | %,d requests/s |
                | sent / answered | %,d / %,d; statuses %s; at most %,d due calls waited for a free connection |
                | decided while sending | %,.0f/s |
                | HTTP answer (waits for the decision) | %s |
                | request → decision committed on `request.outcomes` | %s |
                | its p99 by tenth of the run, in decision order | %s |
                | refusals | %s |
                | CPU, cores busy (of 2) | %s |
                | exactness | %s |
                """,
                LocalDate.now(), options.rate(), environment.commit(), options.commandLine(), environment.jdk(),
                environment.machine(), options.requests(), options.warmupSeconds(), warmupBacklog, options.requests(), options.quantity(),
                options.connections(), options.rate(), measured.sent.get(), measured.answered.get(), statuses, measured.peakWaitingForConnection,
                decidedPerSecond, measured.http.summary(), clock.summary(), clock.p99ByTenth(), refusals, cpuShares(cpu), exactness);
    }
}
