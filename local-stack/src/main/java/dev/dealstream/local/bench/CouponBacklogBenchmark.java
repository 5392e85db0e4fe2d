package dev.dealstream.local.bench;

import static dev.dealstream.local.bench.BenchSteps.cpuShares;
import static dev.dealstream.local.bench.BenchSteps.freshStack;
import static dev.dealstream.local.bench.BenchSteps.publish;
import static dev.dealstream.local.bench.BenchSteps.say;
import static dev.dealstream.local.bench.BenchSteps.waitForDecisions;
import static dev.dealstream.local.bench.BenchSteps.withLoadGenerator;

import dev.dealstream.local.LocalStack;
import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.topics.support.KeyPartitioner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The processor alone: coupon requests are written to {@code coupon.issue-requests} while the
 * processor is stopped, then the processor is started and the time until every request is decided is
 * measured, as a backlog after an outage or a drop faster than the processor would see. The users and
 * campaigns are set up first, through the processor, so it restarts warm on disk but with a cold JIT.
 *
 * <p>The backlog starts with {@code --warmup} requests for warm-up campaigns, each on the partition of
 * a measured campaign, so its task decides them first: they warm the JIT (about a minute), and their
 * rate is reported too, as the catch-up of a freshly started processor. The measured rate is that of
 * the {@code --requests} after them, from the moment the last warm-up request is decided.
 *
 * <p>Options: {@code --requests=5000000}, {@code --warmup=5000000} (0 measures from the start, cold),
 * {@code --users=1000000}, {@code --campaigns=1} (each on its own partition when there are no more than
 * the partitions), {@code --quantity=100000} per campaign, {@code --record=docs/benchmarks.md}.
 */
public final class CouponBacklogBenchmark {

    private static final long USER_BASE = 30_000_000;
    private static final long CAMPAIGN_BASE = 900_000;
    private static final long WARMUP_CAMPAIGN_BASE = 950_000;
    private static final long STRIDE = 7_919;
    private static final String KAFKA = "127.0.0.1:9092";

    private final Options options;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final List<Long> measuredCampaigns = new ArrayList<>();
    private final List<Long> warmupCampaigns = new ArrayList<>();

    record Options(int requests, int warmup, int users, int campaigns, int quantity, String record, String commandLine) {
        static Options parse(String[] args) {
            BenchArgs options = new BenchArgs("coupon-backlog", args);
            Options parsed = new Options(options.integer("requests", 5_000_000), options.integer("warmup", 5_000_000),
                    options.integer("users", 1_000_000), options.integer("campaigns", 1), options.integer("quantity", 100_000),
                    options.text("record", "docs/benchmarks.md"), options.commandLine());
            options.rejectUnknown();
            return parsed;
        }
    }

    private CouponBacklogBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LocalStack stack = freshStack();
        new CouponBacklogBenchmark(options).run(stack);
        System.exit(0);
    }

    private void run(LocalStack stack) throws Exception {
        chooseCampaigns();
        Phase warmup = new Phase("w", options.warmup(), warmupCampaigns);
        Phase measured = new Phase("r", options.requests(), measuredCampaigns);
        try (DirectCommands commands = new DirectCommands(KAFKA)) {
            setUp(commands);
            say("Stopping the processor and writing %,d warm-up and %,d measured coupon requests for %d campaign(s)",
                    options.warmup(), options.requests(), options.campaigns());
            stack.stopProcessor();
            // the warm-up first: each task decides its partition in order
            write(commands, warmup);
            write(commands, measured);
            commands.flush();
        }
        try (DecisionCounter counter = new DecisionCounter(warmup, measured)) {
            say("Starting the processor on the backlog");
            long started = System.nanoTime();
            stack.startProcessor();
            long running = System.nanoTime();
            CpuShares cpu = new CpuShares(withLoadGenerator(stack.pids()));
            long deadline = running + Duration.ofMinutes(30).toNanos();
            waitUntilDecided(warmup, deadline);
            cpu.start();
            waitUntilDecided(measured, deadline);
            Map<String, Double> shares = cpu.stop();
            // a late duplicate would arrive after the last first decision
            Thread.sleep(2_000);
            String exactness = verify(warmup, measured);
            publish(report(counter, started, running, shares, exactness), options.record());
        }
    }

    /** The measured campaigns, and for each a warm-up campaign whose requests land on the same partition. */
    private void chooseCampaigns() {
        int partitions;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            partitions = consumer.partitionsFor(Topics.COUPON_ISSUE_REQUESTS).size();
        }
        long candidate = WARMUP_CAMPAIGN_BASE;
        for (int c = 0; c < options.campaigns(); c++) {
            long campaign = CAMPAIGN_BASE + c;
            measuredCampaigns.add(campaign);
            int partition = KeyPartitioner.partitionOf(new CampaignId(campaign).key(), partitions);
            while (KeyPartitioner.partitionOf(new CampaignId(candidate).key(), partitions) != partition) {
                candidate++;
            }
            warmupCampaigns.add(candidate++);
        }
    }

    private void write(DirectCommands commands, Phase phase) {
        Instant now = Instant.now();
        for (int i = 0; i < phase.requests; i++) {
            CampaignId campaign = new CampaignId(phase.campaigns.get(i % options.campaigns()));
            commands.send(Topics.COUPON_ISSUE_REQUESTS, campaign.key(),
                    new IssueCoupon(phase.requestIdOf(i), campaign, new UserId(userOf(i)), now));
        }
    }

    private static void waitUntilDecided(Phase phase, long deadline) throws InterruptedException {
        while (phase.decided < phase.requests && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void setUp(DirectCommands commands) throws InterruptedException {
        say("Registering %,d users and defining %d campaign(s) and as many warm-up campaigns through the processor",
                options.users(), options.campaigns());
        try (OutcomeClock clock = new OutcomeClock(KAFKA)) {
            for (long i = 0; i < options.users(); i++) {
                String requestId = "backlog-" + runId + "-u-" + i;
                clock.due(requestId, System.nanoTime());
                commands.registerUser(requestId, USER_BASE + i + 1);
            }
            List<Long> campaigns = new ArrayList<>(measuredCampaigns);
            campaigns.addAll(warmupCampaigns);
            for (long campaign : campaigns) {
                String requestId = "backlog-" + runId + "-c-" + campaign;
                clock.due(requestId, System.nanoTime());
                commands.defineCampaign(requestId, campaign, options.quantity());
            }
            commands.flush();
            waitForDecisions(clock, Duration.ofMinutes(10));
            say("Set up: %,d decided, refusals %s", clock.decided.get(), clock.rejections);
        }
    }

    private long userOf(long i) {
        return USER_BASE + (i * STRIDE % options.users()) + 1;
    }

    /** Each campaign issued exactly its quantity, to distinct users; every request was decided exactly once. */
    private String verify(Phase warmup, Phase measured) {
        Set<Long> campaigns = new HashSet<>(measuredCampaigns);
        campaigns.addAll(warmupCampaigns);
        Map<Long, Map<String, Long>> issued = IssuedCoupons.read(KAFKA, campaigns);
        List<String> wrong = new ArrayList<>();
        for (Phase phase : List.of(warmup, measured)) {
            long expected = Math.min(options.quantity(), Math.min(options.users(),
                    (long) Math.ceil((double) phase.requests / options.campaigns())));
            phase.campaigns.stream().filter(campaign -> {
                Map<String, Long> holders = issued.getOrDefault(campaign, Map.of());
                return holders.size() != expected || new HashSet<>(holders.values()).size() != expected;
            }).forEach(campaign -> wrong.add(campaign + " (" + issued.getOrDefault(campaign, Map.of()).size() + " issued)"));
        }
        boolean exact = wrong.isEmpty() && warmup.decided == warmup.requests && measured.decided == measured.requests
                && warmup.duplicates + measured.duplicates == 0;
        return String.format(Locale.ROOT, "%s: %,d of %,d measured and %,d of %,d warm-up requests decided, %d second decisions; "
                        + "%d campaign(s) issued exactly %,d coupons to distinct users%s",
                exact ? "exact" : "NOT EXACT", measured.decided, measured.requests, warmup.decided, warmup.requests,
                warmup.duplicates + measured.duplicates, campaigns.size() - wrong.size(),
                Math.min(options.quantity(), options.users()), wrong.isEmpty() ? "" : "; wrong: " + wrong);
    }

    private String report(DecisionCounter counter, long started, long running, Map<String, Double> cpu, String exactness) {
        BenchmarkEnvironment environment = BenchmarkEnvironment.current();
        Phase warmup = counter.warmup;
        Phase measured = counter.measured;
        double startSeconds = (running - started) / 1e9;
        double warmupSeconds = (warmup.lastNanos - running) / 1e9;
        long measuredFrom = warmup.requests == 0 ? running : warmup.lastNanos;
        double measuredSeconds = (measured.lastNanos - measuredFrom) / 1e9;
        long measuredAfterWarmup = measured.requests - counter.measuredDuringWarmup;
        return String.format(Locale.ROOT, """

                ### %s — coupon backlog, processor alone: %,d requests after %,d warm-up requests, %d campaign(s) (commit %s)

                - Command: `%s`
                - JDK: %s; machine: %s. The broker and the processor on this machine (the APIs idle).
                - %,d users and the campaigns set up through the processor; the processor stopped; the warm-up requests (for campaigns on the measured campaigns' partitions, so decided first) and then the measured requests written; the processor started again and timed until every request was decided (counted on `request.outcomes`, read_committed).

                | measure | result |
                |---|---|
                | processor start → RUNNING | %.1f s |
                | warm-up: RUNNING → its last decision (a cold JVM catching up) | %s |
                | measured: the last warm-up decision → the last measured decision | %.1f s: %,.0f decisions/s |
                | CPU, cores busy (of 2) while measured | %s |
                | exactness | %s |
                """,
                LocalDate.now(), options.requests(), options.warmup(), options.campaigns(), environment.commit(),
                options.commandLine(), environment.jdk(), environment.machine(), options.users(), startSeconds,
                warmup.requests == 0 ? "none" : String.format(Locale.ROOT, "%.1f s: %,.0f decisions/s", warmupSeconds,
                        warmup.requests / warmupSeconds),
                measuredSeconds, measuredAfterWarmup / measuredSeconds, cpuShares(cpu), exactness);
    }

    /** The requests of one part of the backlog, told apart by their request ids. */
    private final class Phase {

        private final String prefix;
        private final int requests;
        private final List<Long> campaigns;
        private final BitSet seen;
        private volatile long decided;
        private volatile long lastNanos;
        private long duplicates;

        Phase(String tag, int requests, List<Long> campaigns) {
            this.prefix = "backlog-" + runId + "-" + tag + "-";
            this.requests = requests;
            this.campaigns = campaigns;
            this.seen = new BitSet(requests);
        }

        String requestIdOf(int i) {
            return prefix + i;
        }

        /** Counts the first decision of one of this phase's requests; false when the id is not one of them. */
        boolean count(String requestId, long nanos) {
            if (!requestId.startsWith(prefix)) {
                return false;
            }
            int index = Integer.parseInt(requestId.substring(prefix.length()));
            if (seen.get(index)) {
                duplicates++;
            } else {
                seen.set(index);
                decided++;
                lastNanos = nanos;
            }
            return true;
        }
    }

    /** Counts the first decision of each backlog request as it is committed, and notes when. */
    private final class DecisionCounter implements AutoCloseable {

        private final Phase warmup;
        private final Phase measured;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;
        /** Measured requests decided before the last warm-up one, on other partitions: left out of the rate. */
        private volatile long measuredDuringWarmup;

        DecisionCounter(Phase warmup, Phase measured) {
            this.warmup = warmup;
            this.measured = measured;
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000), new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUEST_OUTCOMES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(this::count, "decision-counter");
            thread.start();
        }

        private void count() {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.headers().lastHeader(HeaderNames.REPLAY) != null) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (!warmup.count(record.key(), now) && measured.count(record.key(), now)
                            && warmup.decided < warmup.requests) {
                        measuredDuringWarmup = measured.decided;
                    }
                }
            }
            consumer.close();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
