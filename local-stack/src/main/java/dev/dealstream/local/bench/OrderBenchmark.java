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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The order benchmark: one-line orders through the ingest API at a fixed arrival rate after a
 * warm-up, either spread over {@code --products} products or, with {@code --products=1}, a flash sale
 * on one hot product whose stock runs out half-way. Reports the rate decided and the HTTP and
 * request → outcome latencies, then checks conservation: each product's stock is its initial stock
 * less the orders confirmed for it, every buyer's balance is the charge less what their confirmed
 * orders cost, and nothing is left held.
 *
 * <p>Options: {@code --rate=3000}, {@code --duration=60} seconds, {@code --warmup=60} seconds,
 * {@code --products=1000}, {@code --users=100000}, {@code --connections=4096} (each call holds its
 * connection for the whole saga, about half a second at 3,000/s, so 1,024 of them capped a run near
 * 2,000/s), {@code --attach}, {@code --record=docs/benchmarks.md}.
 */
public final class OrderBenchmark {

    private static final long USER_BASE = 30_000_000;
    private static final long PRODUCT_BASE = 1_000_000;
    private static final long PRICE = BenchShop.PRICE;
    private static final long CHARGE = 1_000_000;
    private static final long STRIDE = 7_919;
    private static final String INGEST_HOST = "127.0.0.1";
    private static final int INGEST_PORT = 8080;
    private static final String QUERY = "http://127.0.0.1:8081";
    private static final String KAFKA = "127.0.0.1:9092";
    /** How often a conservation read is tried before it counts as failed. */
    private static final int READ_ATTEMPTS = 3;
    private static final Pattern NUMBER = Pattern.compile("\"(stock|balance|held)\":(-?\\d+)");

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final long warmupProducts = PRODUCT_BASE + System.currentTimeMillis() % 100_000 * 2_000;
    /** Its own users, also when attached to a stack an earlier run used. */
    private final long userBase = userBlockOfThisMinute(USER_BASE);
    private final long measuredProducts;

    record Options(int rate, int durationSeconds, int warmupSeconds, int products, int users, int connections,
                   boolean attach, String record, String commandLine) {
        static Options parse(String[] args) {
            BenchArgs options = new BenchArgs("orders", args);
            Options parsed = new Options(options.integer("rate", 3_000), options.integer("duration", 60),
                    options.integer("warmup", 60), options.integer("products", 1_000), options.integer("users", 100_000),
                    options.integer("connections", 4_096), options.flag("attach"),
                    options.text("record", "docs/benchmarks.md"), options.commandLine());
            options.rejectUnknown();
            return parsed;
        }
    }

    private OrderBenchmark(Options options) {
        this.options = options;
        this.measuredProducts = warmupProducts + options.products();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Map<String, Long> pids = options.attach() ? LocalStack.findRunningProcesses() : freshStack().pids();
        new OrderBenchmark(options).run(pids);
        System.exit(0);
    }

    private int measuredRequests() {
        return options.rate() * options.durationSeconds();
    }

    /** Spread: enough for every order. One product: half the orders get a unit, the rest read OUT_OF_STOCK. */
    private int stockPerProduct(int requests) {
        return options.products() == 1 ? requests / 2 : requests / options.products() * 2 + 10;
    }

    private void run(Map<String, Long> pids) throws Exception {
        int warmupRequests = options.rate() * options.warmupSeconds();
        try (OutcomeClock clock = new OutcomeClock(KAFKA); DirectCommands commands = new DirectCommands(KAFKA);
             OpenLoad load = new OpenLoad(INGEST_HOST, INGEST_PORT, options.connections())) {
            say("Registering %,d users and %,d products straight on the command topics", options.users(), 2 * options.products());
            BenchShop shop = new BenchShop(commands, clock, runId);
            shop.registerUsers(userBase + 1, options.users());
            shop.defineProducts(warmupProducts, options.products());
            shop.defineProducts(measuredProducts, options.products());
            shop.flush();
            // a task takes its topics in no set order: a user's charge or a product's stock goes once it exists
            waitForDecisions(clock, Duration.ofMinutes(10));
            say("Charging each user %,d won and stocking the products", CHARGE);
            shop.stockProducts(warmupProducts, options.products(), stockPerProduct(warmupRequests));
            shop.stockProducts(measuredProducts, options.products(), stockPerProduct(measuredRequests()));
            shop.chargeUsers(userBase + 1, options.users(), CHARGE);
            shop.flush();
            waitForDecisions(clock, Duration.ofMinutes(10));
            say("Set up: %,d decided, refusals %s", clock.decided.get(), clock.rejections);
            say("Warming up: %d s at %,d orders/s", options.warmupSeconds(), options.rate());
            OpenLoad.Result warmup = load.run(options.rate(), warmupRequests, i -> order("w", warmupProducts, i), clock::due);
            say("Warm-up answered: %s", warmup.statuses);
            String warmupBacklog = drainWarmUp(clock);
            clock.rejections.clear();
            say("Measuring: %,d orders at %,d/s over %,d product(s)", measuredRequests(), options.rate(), options.products());
            CpuShares cpu = new CpuShares(withLoadGenerator(pids));
            clock.measure(true);
            cpu.start();
            long decidedBefore = clock.decided.get();
            long started = System.nanoTime();
            OpenLoad.Result measured = load.run(options.rate(), measuredRequests(), i -> order("m", measuredProducts, i), clock::due);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> shares = cpu.stop();
            long decidedDuring = clock.decided.get() - decidedBefore;
            waitForDecisions(clock, Duration.ofSeconds(120));
            clock.measure(false);
            String exactness = verify(clock, warmupRequests, unanswered(warmup, measured));
            publish(report(measured, warmupBacklog, clock, shares, decidedDuring / seconds, exactness), options.record());
        }
    }

    /** Order i of a phase: one unit of product i mod products, by a user chosen to spread over the partitions. */
    private OpenLoad.Call order(String phase, long firstProduct, long i) {
        String requestId = "bench-" + runId + "-" + phase + "-" + i;
        return new OpenLoad.Call(requestId, OpenLoad.request("POST", INGEST_HOST, "/api/v1/orders",
                "{\"userId\":" + userOf(i) + ",\"items\":[{\"productId\":" + productOf(firstProduct, i) + ",\"quantity\":1}]}",
                "Idempotency-Key", requestId));
    }

    private long userOf(long i) {
        return userBase + (i * STRIDE % options.users()) + 1;
    }

    private long productOf(long firstProduct, long i) {
        return firstProduct + i % options.products();
    }

    /**
     * Conservation over both phases: stock per product, and every buyer's balance, read through the
     * query API once the processor has consumed its inputs (a saga that timed out has its outcome
     * before its late reservation is released).
     */
    private String verify(OutcomeClock clock, int warmupRequests, Set<String> unanswered)
            throws ExecutionException, InterruptedException {
        long behind;
        try (ProcessorLag lag = new ProcessorLag(KAFKA)) {
            behind = lag.awaitCaughtUp(Duration.ofMinutes(2));
        }
        Map<Long, Long> soldPerProduct = new HashMap<>();
        Map<Long, Long> boughtPerUser = new HashMap<>();
        for (String id : clock.succeeded) {
            String[] phase = {"bench-" + runId + "-w-", "bench-" + runId + "-m-"};
            for (int p = 0; p < 2; p++) {
                if (id.startsWith(phase[p])) {
                    long i = Long.parseLong(id.substring(phase[p].length()));
                    soldPerProduct.merge(productOf(p == 0 ? warmupProducts : measuredProducts, i), 1L, Long::sum);
                    boughtPerUser.merge(userOf(i), 1L, Long::sum);
                }
            }
        }
        AtomicLong stockWrong = new AtomicLong();
        List<Long> products = new ArrayList<>();
        for (long product = warmupProducts; product < measuredProducts + options.products(); product++) {
            products.add(product);
        }
        long unread = readAll(products, product -> "/api/v1/products/" + product, (product, values) -> {
            long initial = stockPerProduct(product < measuredProducts ? warmupRequests : measuredRequests());
            if (values.get("stock") == null || values.get("stock") != initial - soldPerProduct.getOrDefault(product, 0L)) {
                stockWrong.incrementAndGet();
            }
        });
        AtomicLong walletsWrong = new AtomicLong();
        List<Long> users = new ArrayList<>();
        for (long i = 0; i < options.users(); i++) {
            users.add(userBase + i + 1);
        }
        unread += readAll(users, user -> "/api/v1/wallets/" + user, (user, values) -> {
            long expected = CHARGE - PRICE * boughtPerUser.getOrDefault(user, 0L);
            if (values.get("balance") == null || values.get("balance") != expected || values.get("held") == null || values.get("held") != 0) {
                walletsWrong.incrementAndGet();
            }
        });
        long undecided = clock.undecidedIds().stream().filter(id -> !unanswered.contains(id)).count();
        boolean wrong = stockWrong.get() > 0 || walletsWrong.get() > 0 || undecided > 0 || clock.duplicates.get() > 0;
        String verdict = wrong ? "NOT EXACT" : unread > 0 ? "NOT VERIFIED" : "exact";
        String lagNote = behind == 0 ? "" : String.format(Locale.ROOT, " (read while the processor was %,d records behind on its inputs)", behind);
        return String.format(Locale.ROOT, "%s: %,d orders confirmed; %,d of %,d products' stock wrong; %,d of %,d wallets "
                        + "wrong or holding; %,d reads failed after %d tries%s; %d answered requests undecided, %d second decisions "
                        + "(%d requests without an HTTP answer)",
                verdict, clock.succeeded.stream().filter(id -> id.contains("-m-") || id.contains("-w-")).count(),
                stockWrong.get(), products.size(), walletsWrong.get(), users.size(), unread, READ_ATTEMPTS, lagNote, undecided,
                clock.duplicates.get(), unanswered.size());
    }

    /**
     * Reads every id's numbers and hands them to {@code check}; answers how many could not be read. A
     * read that fails (a timeout while the processor is still busy, say) is tried again: it says nothing
     * about the state, so it must not count as a wrong value.
     */
    private long readAll(List<Long> ids, LongFunction<String> path, BiConsumer<Long, Map<String, Long>> check) throws InterruptedException {
        Semaphore inFlight = new Semaphore(64);
        AtomicLong unread = new AtomicLong();
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (long id : ids) {
            inFlight.acquire();
            reads.add(numbersAt(URI.create(QUERY + path.apply(id)), READ_ATTEMPTS).whenComplete((values, error) -> {
                inFlight.release();
                if (values == null) {
                    unread.incrementAndGet();
                    return;
                }
                synchronized (check) {
                    check.accept(id, values);
                }
            }));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        return unread.get();
    }

    /** The numbers of the answer at {@code uri}, or null when no attempt got a 200. */
    private CompletableFuture<Map<String, Long>> numbersAt(URI uri, int attempts) {
        return http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error == null && response.statusCode() == 200 ? numbersIn(response.body()) : null)
                .thenCompose(values -> values != null || attempts == 1
                        ? CompletableFuture.completedFuture(values)
                        : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                                .thenCompose(paused -> numbersAt(uri, attempts - 1)));
    }

    private static Map<String, Long> numbersIn(String body) {
        Map<String, Long> values = new HashMap<>();
        Matcher numbers = NUMBER.matcher(body);
        while (numbers.find()) {
            values.put(numbers.group(1), Long.parseLong(numbers.group(2)));
        }
        return values;
    }

    private String report(OpenLoad.Result measured, String warmupBacklog, OutcomeClock clock, Map<String, Double> cpu, double decidedPerSecond,
                          String exactness) {
        BenchmarkEnvironment environment = BenchmarkEnvironment.current();
        String statuses = measured.statuses.entrySet().stream()
                .map(status -> status.getKey() + ": " + status.getValue()).collect(Collectors.joining(", "));
        String shape = options.products() == 1
                ? "a flash sale: every order for one product (one partition, one stream thread), stock for half of them"
                : "orders spread over " + options.products() + " products, stock for all";
        return String.format(Locale.ROOT, """

                ### %s — orders at %,d/s, %s (commit %s)

                - Command: `%s`
                - JDK: %s; machine: %s. Everything on this machine: Kafka broker, processor, ingest API, query API and the load generator.
                - %,d users (each charged %,d won) and the products set up on the command topics; warm-up %d s at the same rate on other products (%s); then %,d one-line orders in %d s: %s; open model over %d persistent connections (latency from when each request was due).

                | measure | result |
                |---|---|
                | offered | %,d orders/s |
                | sent / answered | %,d / %,d; statuses %s; at most %,d due calls waited for a free connection |
                | decided while sending | %,.0f/s |
                | HTTP answer (waits for the order's outcome) | %s |
                | request → outcome committed on `request.outcomes` | %s |
                | its p99 by tenth of the run, in decision order | %s |
                | refusals | %s |
                | CPU, cores busy (of 2) | %s |
                | conservation | %s |
                """,
                LocalDate.now(), options.rate(), options.products() == 1 ? "flash sale on one product" : options.products() + " products",
                environment.commit(), options.commandLine(), environment.jdk(), environment.machine(), options.users(), CHARGE,
                options.warmupSeconds(), warmupBacklog, measuredRequests(), options.durationSeconds(), shape, options.connections(),
                options.rate(), measured.sent.get(), measured.answered.get(), statuses, measured.peakWaitingForConnection, decidedPerSecond,
                measured.http.summary(), clock.summary(), clock.p99ByTenth(), new HashMap<>(clock.rejections), cpuShares(cpu), exactness);
    }
}
