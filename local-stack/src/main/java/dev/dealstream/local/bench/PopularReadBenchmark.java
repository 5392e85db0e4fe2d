package dev.dealstream.local.bench;

import static dev.dealstream.local.bench.BenchSteps.cpuShares;
import static dev.dealstream.local.bench.BenchSteps.freshStack;
import static dev.dealstream.local.bench.BenchSteps.publish;
import static dev.dealstream.local.bench.BenchSteps.say;
import static dev.dealstream.local.bench.BenchSteps.waitForDecisions;
import static dev.dealstream.local.bench.BenchSteps.withLoadGenerator;

import dev.dealstream.local.LocalStack;
import dev.dealstream.topics.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The ranking read benchmark: {@code GET /api/v1/products/popular} on the query API at a fixed arrival
 * rate while one-line orders flow through the ingest API at another, skewed over the products so
 * that the ranking has a clear top and keeps changing. Reports the reads' latency and the orders'
 * rate, then checks that the ranking equals the top 5 computed from the orders confirmed.
 *
 * <p>Options: {@code --rate=5000} reads/s, {@code --order-rate=500}, {@code --duration=60} seconds,
 * {@code --warmup=60} seconds, {@code --products=1000}, {@code --users=10000}, {@code --connections=64}
 * (for reads), {@code --attach} (the check then needs no other orders in the last 3 days),
 * {@code --record=docs/benchmarks.md}.
 */
public final class PopularReadBenchmark {

    private static final long USER_BASE = 40_000_000;
    private static final long CHARGE = 1_000_000;
    private static final int STOCK = 1_000_000;
    private static final long STRIDE = 7_919;
    private static final String HOST = "127.0.0.1";
    private static final int INGEST_PORT = 8080;
    private static final int QUERY_PORT = 8081;
    private static final String POPULAR = "/api/v1/products/popular";
    private static final String KAFKA = "127.0.0.1:9092";
    private static final int ORDER_CONNECTIONS = 512;

    private final Options options;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final long firstProduct = 2_000_000 + System.currentTimeMillis() % 100_000 * 2_000;

    record Options(int rate, int orderRate, int durationSeconds, int warmupSeconds, int products, int users,
                   int connections, boolean attach, String record, String commandLine) {
        static Options parse(String[] args) {
            BenchArgs options = new BenchArgs("popular", args);
            Options parsed = new Options(options.integer("rate", 5_000), options.integer("order-rate", 500),
                    options.integer("duration", 60), options.integer("warmup", 60), options.integer("products", 1_000),
                    options.integer("users", 10_000), options.integer("connections", 64), options.flag("attach"),
                    options.text("record", "docs/benchmarks.md"), options.commandLine());
            options.rejectUnknown();
            return parsed;
        }
    }

    private PopularReadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Map<String, Long> pids = options.attach() ? LocalStack.findRunningProcesses() : freshStack().pids();
        new PopularReadBenchmark(options).run(pids);
        System.exit(0);
    }

    private void run(Map<String, Long> pids) throws Exception {
        try (OutcomeClock clock = new OutcomeClock(KAFKA); DirectCommands commands = new DirectCommands(KAFKA);
             OpenLoad orderLoad = new OpenLoad(HOST, INGEST_PORT, ORDER_CONNECTIONS);
             OpenLoad reads = new OpenLoad(HOST, QUERY_PORT, options.connections())) {
            say("Registering %,d users and %,d products straight on the command topics", options.users(), options.products());
            BenchShop shop = new BenchShop(commands, clock, runId);
            shop.registerUsers(USER_BASE + 1, options.users());
            shop.defineProducts(firstProduct, options.products());
            shop.flush();
            waitForDecisions(clock, Duration.ofMinutes(10));
            shop.stockProducts(firstProduct, options.products(), STOCK);
            shop.chargeUsers(USER_BASE + 1, options.users(), CHARGE);
            shop.flush();
            waitForDecisions(clock, Duration.ofMinutes(10));
            say("Set up: %,d decided, refusals %s", clock.decided.get(), clock.rejections);

            // orders run through warm-up and measurement, and a little past both
            long orders = (long) options.orderRate() * (options.warmupSeconds() + options.durationSeconds() + 5);
            AtomicReference<OpenLoad.Result> ordered = new AtomicReference<>();
            Thread ordering = new Thread(() -> ordered.set(orderLoad.run(options.orderRate(), orders, this::order, clock::due)),
                    "order-load");
            ordering.start();
            say("Warming up: %d s at %,d reads/s, with %,d orders/s", options.warmupSeconds(), options.rate(), options.orderRate());
            OpenLoad.Result warmup = reads.run(options.rate(), (long) options.rate() * options.warmupSeconds(), this::read, (id, due) -> { });
            say("Warm-up answered: %s", warmup.statuses);
            say("Measuring: %d s at %,d reads/s", options.durationSeconds(), options.rate());
            CpuShares cpu = new CpuShares(withLoadGenerator(pids));
            clock.measure(true);
            cpu.start();
            long decidedBefore = clock.decided.get();
            long started = System.nanoTime();
            OpenLoad.Result measured = reads.run(options.rate(), (long) options.rate() * options.durationSeconds(), this::read, (id, due) -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> shares = cpu.stop();
            double ordersDecided = (clock.decided.get() - decidedBefore) / seconds;
            clock.measure(false);
            ordering.join();
            waitForDecisions(clock, Duration.ofSeconds(120));
            long lastDecision = System.nanoTime();
            String exactness = verify(clock, lastDecision);
            publish(report(measured, ordered.get(), clock, shares, ordersDecided, exactness), options.record());
        }
    }

    private OpenLoad.Call read(long i) {
        return new OpenLoad.Call("read-" + i, OpenLoad.request("GET", HOST, POPULAR, ""));
    }

    /** Order i: one unit of a product picked with a steep skew (the first product gets about 18 % of orders). */
    private OpenLoad.Call order(long i) {
        String requestId = "bench-" + runId + "-o-" + i;
        long user = USER_BASE + (i * STRIDE % options.users()) + 1;
        return new OpenLoad.Call(requestId, OpenLoad.request("POST", HOST, "/api/v1/orders",
                "{\"userId\":" + user + ",\"items\":[{\"productId\":" + productOf(i) + ",\"quantity\":1}]}",
                "Idempotency-Key", requestId));
    }

    private long productOf(long i) {
        double uniform = ((i * 0x9E3779B97F4A7C15L) >>> 11) / (double) (1L << 53);
        return firstProduct + (long) (options.products() * Math.pow(uniform, 4));
    }

    /** The ranking must come to equal the top 5 of the confirmed orders (one unit each); reports how soon. */
    private String verify(OutcomeClock clock, long lastDecision) throws Exception {
        String prefix = "bench-" + runId + "-o-";
        Map<Long, Long> confirmed = new HashMap<>();
        clock.succeeded.stream().filter(id -> id.startsWith(prefix))
                .forEach(id -> confirmed.merge(productOf(Long.parseLong(id.substring(prefix.length()))), 1L, Long::sum));
        List<String> expected = confirmed.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(entry -> entry.getKey() + " × " + entry.getValue())
                .toList();
        HttpClient http = HttpClient.newHttpClient();
        List<String> actual = List.of();
        long deadline = lastDecision + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + QUERY_PORT + POPULAR)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            actual = answer.statusCode() == 200 ? entries(Json.mapper().readTree(answer.body())) : List.of();
            if (actual.equals(expected)) {
                return String.format(Locale.ROOT, "exact: the ranking equals the top 5 of the %,d orders confirmed (%s), "
                                + "%.1f s after the last outcome", confirmed.values().stream().mapToLong(Long::longValue).sum(),
                        String.join(", ", expected), (System.nanoTime() - lastDecision) / 1e9);
            }
            Thread.sleep(100);
        }
        return "NOT EXACT: expected " + expected + ", the ranking shows " + actual;
    }

    private static List<String> entries(JsonNode popular) {
        List<String> entries = new ArrayList<>();
        popular.get("products").forEach(product -> {
            if (product.get("orderCount").asLong() != product.get("quantity").asLong()) {
                entries.add("units differ for " + product.get("productId").asLong());
            }
            entries.add(product.get("productId").asLong() + " × " + product.get("orderCount").asLong());
        });
        return entries;
    }

    private String report(OpenLoad.Result reads, OpenLoad.Result orders, OutcomeClock clock, Map<String, Double> cpu,
                          double ordersDecided, String exactness) {
        BenchmarkEnvironment environment = BenchmarkEnvironment.current();
        return String.format(Locale.ROOT, """

                ### %s — popular products read at %,d/s while orders flow at %,d/s (commit %s)

                - Command: `%s`
                - JDK: %s; machine: %s. Everything on this machine: Kafka broker, processor, ingest API, query API and the load generator.
                - %,d users and %,d products set up on the command topics; one-line orders through the ingest API during warm-up and measurement, skewed so the first product gets about 18 %% of them; reads warmed up %d s, then measured %d s; open model, reads over %d persistent connections (latency from when each read was due).

                | measure | result |
                |---|---|
                | offered reads | %,d/s |
                | reads sent / answered | %,d / %,d; statuses %s |
                | read latency (HTTP answer) | %s |
                | orders decided while measuring | %,.0f/s (statuses over the whole run: %s) |
                | order request → outcome while measuring | %s |
                | CPU, cores busy (of 2) | %s |
                | ranking | %s |
                """,
                LocalDate.now(), options.rate(), options.orderRate(), environment.commit(), options.commandLine(),
                environment.jdk(), environment.machine(), options.users(), options.products(), options.warmupSeconds(),
                options.durationSeconds(), options.connections(), options.rate(), reads.sent.get(), reads.answered.get(),
                statuses(reads), reads.http.summary(), ordersDecided, statuses(orders), clock.summary(),
                cpuShares(cpu), exactness);
    }

    private static String statuses(OpenLoad.Result result) {
        return result.statuses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(status -> status.getKey() + ": " + status.getValue()).collect(Collectors.joining(", "));
    }
}
