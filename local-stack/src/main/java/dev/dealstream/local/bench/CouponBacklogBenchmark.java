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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The processor alone: {@code --requests} coupon requests are written to {@code coupon.issue-requests}
 * while the processor is stopped, then the processor is started and the time until every request is
 * decided is measured, as a backlog after an outage or a drop faster than the processor would see.
 * The users and campaigns are set up first, through the processor, so it restarts warm on disk but
 * with a cold JIT; the steady rate leaves out the first 10 % of the decisions.
 *
 * <p>Options: {@code --requests=5000000}, {@code --users=1000000}, {@code --campaigns=1} (each on its
 * own partition when there are no more than the partitions), {@code --quantity=100000} per campaign,
 * {@code --record=docs/benchmarks.md}.
 */
public final class CouponBacklogBenchmark {

    private static final long USER_BASE = 30_000_000;
    private static final long CAMPAIGN_BASE = 900_000;
    private static final long STRIDE = 7_919;
    private static final String KAFKA = "127.0.0.1:9092";

    private final Options options;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    record Options(int requests, int users, int campaigns, int quantity, String record, String commandLine) {
        static Options parse(String[] args) {
            BenchArgs options = new BenchArgs("coupon-backlog", args);
            Options parsed = new Options(options.integer("requests", 5_000_000), options.integer("users", 1_000_000),
                    options.integer("campaigns", 1), options.integer("quantity", 100_000),
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
        try (DirectCommands commands = new DirectCommands(KAFKA)) {
            setUp(commands);
            say("Stopping the processor and writing %,d coupon requests for %d campaign(s)", options.requests(), options.campaigns());
            stack.stopProcessor();
            Instant now = Instant.now();
            for (long i = 0; i < options.requests(); i++) {
                CampaignId campaign = new CampaignId(campaignOf(i));
                commands.send(Topics.COUPON_ISSUE_REQUESTS, campaign.key(),
                        new IssueCoupon(requestIdOf(i), campaign, new UserId(userOf(i)), now));
            }
            commands.flush();
        }
        try (DecisionCounter counter = new DecisionCounter()) {
            say("Starting the processor on the backlog");
            long started = System.nanoTime();
            stack.startProcessor();
            long running = System.nanoTime();
            CpuShares cpu = new CpuShares(withLoadGenerator(stack.pids()));
            cpu.start();
            long deadline = running + Duration.ofMinutes(30).toNanos();
            while (counter.decided() < options.requests() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Map<String, Double> shares = cpu.stop();
            // a late duplicate would arrive after the last first decision
            Thread.sleep(2_000);
            String exactness = verify(counter);
            String report = report(counter, started, running, shares, exactness);
            publish(report, options.record());
        }
    }

    private void setUp(DirectCommands commands) throws InterruptedException {
        say("Registering %,d users and defining %d campaign(s) through the processor", options.users(), options.campaigns());
        try (OutcomeClock clock = new OutcomeClock(KAFKA)) {
            for (long i = 0; i < options.users(); i++) {
                String requestId = "backlog-" + runId + "-u-" + i;
                clock.due(requestId, System.nanoTime());
                commands.registerUser(requestId, USER_BASE + i + 1);
            }
            for (int c = 0; c < options.campaigns(); c++) {
                String requestId = "backlog-" + runId + "-c-" + c;
                clock.due(requestId, System.nanoTime());
                commands.defineCampaign(requestId, CAMPAIGN_BASE + c, options.quantity());
            }
            commands.flush();
            waitForDecisions(clock, Duration.ofMinutes(10));
            say("Set up: %,d decided, refusals %s", clock.decided.get(), clock.rejections);
        }
    }

    private String requestIdOf(long i) {
        return "backlog-" + runId + "-r-" + i;
    }

    private long campaignOf(long i) {
        return CAMPAIGN_BASE + i % options.campaigns();
    }

    private long userOf(long i) {
        return USER_BASE + (i * STRIDE % options.users()) + 1;
    }

    /** Each campaign issued exactly its quantity, to distinct users; every request was decided exactly once. */
    private String verify(DecisionCounter counter) {
        Set<Long> campaigns = LongStream.range(0, options.campaigns()).map(c -> CAMPAIGN_BASE + c).boxed().collect(Collectors.toSet());
        Map<Long, Map<String, Long>> issued = IssuedCoupons.read(KAFKA, campaigns);
        long expectedPerCampaign = Math.min(options.quantity(), Math.min(options.users(),
                (long) Math.ceil((double) options.requests() / options.campaigns())));
        List<String> wrong = campaigns.stream().filter(campaign -> {
            Map<String, Long> holders = issued.getOrDefault(campaign, Map.of());
            return holders.size() != expectedPerCampaign || new HashSet<>(holders.values()).size() != expectedPerCampaign;
        }).map(String::valueOf).toList();
        boolean exact = wrong.isEmpty() && counter.decided() == options.requests() && counter.duplicates == 0;
        return String.format(Locale.ROOT, "%s: %,d of %,d requests decided, %d second decisions; %d campaign(s) issued "
                        + "exactly %,d coupons to distinct users%s",
                exact ? "exact" : "NOT EXACT", counter.decided(), options.requests(), counter.duplicates,
                campaigns.size() - wrong.size(), expectedPerCampaign, wrong.isEmpty() ? "" : "; wrong: " + wrong);
    }

    private String report(DecisionCounter counter, long started, long running, Map<String, Double> cpu, String exactness) {
        BenchmarkEnvironment environment = BenchmarkEnvironment.current();
        double startSeconds = (running - started) / 1e9;
        double allSeconds = (counter.lastNanos - running) / 1e9;
        double steadySeconds = (counter.lastNanos - counter.tenthNanos) / 1e9;
        double steadyRate = (options.requests() - options.requests() / 10) / steadySeconds;
        return String.format(Locale.ROOT, """

                ### %s — coupon backlog, processor alone: %,d requests, %d campaign(s) (commit %s)

                - Command: `%s`
                - JDK: %s; machine: %s. The broker and the processor on this machine (the APIs idle).
                - %,d users and the campaign(s) set up through the processor; the processor stopped; %,d requests written; the processor started again and timed until every request was decided (counted on `request.outcomes`, read_committed).

                | measure | result |
                |---|---|
                | processor start → RUNNING | %.1f s |
                | RUNNING → last decision | %.1f s: %,.0f decisions/s |
                | steady rate (after the first 10 %%) | %,.0f decisions/s |
                | CPU, cores busy (of 2) while deciding | %s |
                | exactness | %s |
                """,
                LocalDate.now(), options.requests(), options.campaigns(), environment.commit(), options.commandLine(),
                environment.jdk(), environment.machine(), options.users(), options.requests(), startSeconds, allSeconds,
                counter.decided() / allSeconds, steadyRate, cpuShares(cpu), exactness);
    }

    /** Counts the first decision of each backlog request as it is committed, and notes when. */
    private final class DecisionCounter implements AutoCloseable {

        private final BitSet seen = new BitSet(options.requests());
        private final String prefix = "backlog-" + runId + "-r-";
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long decided;
        private volatile long tenthNanos;
        private volatile long lastNanos;
        private long duplicates;

        DecisionCounter() {
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

        long decided() {
            return decided;
        }

        private void count() {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (!record.key().startsWith(prefix) || record.headers().lastHeader(HeaderNames.REPLAY) != null) {
                        continue;
                    }
                    int index = Integer.parseInt(record.key().substring(prefix.length()));
                    if (seen.get(index)) {
                        duplicates++;
                        continue;
                    }
                    seen.set(index);
                    decided++;
                    lastNanos = System.nanoTime();
                    if (decided == options.requests() / 10) {
                        tenthNanos = lastNanos;
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
