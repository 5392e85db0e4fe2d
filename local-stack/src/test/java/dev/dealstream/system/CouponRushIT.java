package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.user.RegisterUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A coupon drop through HTTP on a real broker: 20,000 requests from 15,000 users (some asking twice,
 * some retrying the same Idempotency-Key) for 10,000 coupons, once undisturbed and once with the
 * processor (its own JVM) killed with SIGKILL midway and restarted.
 */
class CouponRushIT {

    private static final int USERS = 15_000;
    private static final long FIRST_USER = 100_001;
    private static final int QUANTITY = 10_000;
    private static final long PROBE_CAMPAIGN = 500;

    private static SystemStack stack;
    private static CrashableProcessor processor;
    private static String ingest;
    private static String query;

    /** One HTTP call of the rush: its Idempotency-Key, its user, and whether it repeats an earlier call's key. */
    private record Call(String key, long user, boolean retry) {
    }

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        processor = new CrashableProcessor(stack, "coupons-1");
        query = SystemStack.urlOf(stack.startQuery(List.of(processor.url())));
        ingest = SystemStack.urlOf(stack.startIngest(query));
        registerUsers();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void rushIssuesExactlyTheQuotaAndNoUserTwice() {
        long campaign = 501;
        defineRushCampaign(campaign);

        Map<Call, Http.Response> answers = rush(campaign, callNumber -> { });

        assertEveryDistinctRequestDecidedOnceAndTheQuotaExact(campaign, answers);
        Map<String, List<Http.Response>> decidedAnswersByKey = new HashMap<>();
        answers.forEach((call, response) -> {
            if (response.status() != 202) {
                decidedAnswersByKey.computeIfAbsent(call.key(), key -> new ArrayList<>()).add(response);
            }
        });
        assertThat(decidedAnswersByKey.values()).allSatisfy(responses -> assertThat(responses).extracting(Http.Response::body)
                .as("every answer to one key is the first outcome").containsOnly(responses.get(0).body()));
    }

    @Test
    void rushStaysExactWhenTheProcessorIsKilledAndRestartedMidway() {
        long campaign = 502;
        defineRushCampaign(campaign);

        Map<Call, Http.Response> answers = rush(campaign, callNumber -> {
            if (callNumber == 6_000) {
                processor.kill();
            }
            if (callNumber == 6_600) {
                processor.restart();
            }
        });

        assertEveryDistinctRequestDecidedOnceAndTheQuotaExact(campaign, answers);
    }

    @Test
    void campaignIsDefinedChangedAndReadBackAndIssuesWithClearRefusals() {
        long campaign = 503;
        long user = FIRST_USER;
        Instant now = Instant.now();
        Http.Response defined = defineCampaign(campaign, 1, now.minusSeconds(60), now.plusSeconds(3_600));
        assertThat(defined.status()).isEqualTo(200);
        assertThat(defined.body().get("remaining").asInt()).isEqualTo(1);

        Http.Response issued = issue(campaign, user, "flow-1");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body().get("couponId").asString()).isEqualTo("503-1");
        assertThat(issued.body().get("discountType").asString()).isEqualTo("PERCENT");
        assertThat(issued.body().get("expiresAt").asString()).isNotBlank();
        Http.Response again = issue(campaign, user, "flow-2");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_ISSUED");
        assertThat(again.body().get("existing").get("couponId").asString()).isEqualTo("503-1");
        assertThat(issue(campaign, user + 1, "flow-3").code()).isEqualTo("SOLD_OUT");

        assertThat(defineCampaign(campaign, 2, now.minusSeconds(60), now.plusSeconds(3_600)).status()).isEqualTo(200);
        assertThat(issue(campaign, user + 1, "flow-4").status()).isEqualTo(201);
        Http.Response lowered = defineCampaign(campaign, 1, now.minusSeconds(60), now.plusSeconds(3_600));
        assertThat(lowered.status()).isEqualTo(409);
        assertThat(lowered.code()).isEqualTo("QUANTITY_BELOW_ISSUED");

        JsonNode read = stack.http.get(query + "/api/v1/coupon-campaigns/" + campaign).body();
        assertThat(read.get("totalQuantity").asInt()).isEqualTo(2);
        assertThat(read.get("issuedCount").asInt()).isEqualTo(2);
        assertThat(read.get("remaining").asInt()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode coupons = stack.http.get(query + "/api/v1/users/" + user + "/coupons").body().get("coupons");
            assertThat(coupons).anySatisfy(coupon -> {
                assertThat(coupon.get("couponId").asString()).isEqualTo("503-1");
                assertThat(coupon.get("status").asString()).isEqualTo("AVAILABLE");
            });
        });
    }

    @Test
    void refusalsNameTheirReason() {
        long campaign = 504;
        long openCampaign = 506;
        Instant now = Instant.now();
        defineCampaign(campaign, 10, now.plusSeconds(3_600), now.plusSeconds(7_200));
        defineCampaign(openCampaign, 10, now.minusSeconds(60), now.plusSeconds(3_600));

        assertThat(issue(campaign, FIRST_USER, "early").code()).isEqualTo("CAMPAIGN_NOT_ACTIVE");
        assertThat(issue(campaign, FIRST_USER, "early").status()).isEqualTo(422);
        assertThat(issue(599, FIRST_USER, "no-campaign").code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(issue(openCampaign, 9_999_999, "no-user").code()).isEqualTo("USER_NOT_FOUND");
        assertThat(stack.http.get(query + "/api/v1/coupon-campaigns/598").code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(stack.http.get(query + "/api/v1/users/9999999/coupons").code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void badCampaignAndIssueInputIsRefusedWithAReasonCodeAndChangesNothing() {
        long campaign = 505;
        Instant now = Instant.now();
        defineCampaign(campaign, 10, now.minusSeconds(60), now.plusSeconds(3_600));
        String valid = campaignJson(10, now.minusSeconds(60), now.plusSeconds(3_600));
        String url = ingest + "/api/v1/admin/coupon-campaigns/" + campaign;

        assertRefused(stack.http.put(ingest + "/api/v1/admin/coupon-campaigns/abc", valid), 400, "INVALID_CAMPAIGN_ID");
        assertRefused(stack.http.put(url, valid.replace("\"discountValue\":10", "\"discountValue\":101")), 400, "INVALID_CAMPAIGN");
        assertRefused(stack.http.put(url, valid.replace("\"discountValue\":10", "\"discountValue\":\"10\"")), 400, "INVALID_CAMPAIGN");
        assertRefused(stack.http.put(url, valid.replace("\"PERCENT\"", "\"HALF\"")), 400, "INVALID_CAMPAIGN");
        assertRefused(stack.http.put(url, valid.replace("\"totalQuantity\":10", "\"totalQuantity\":0")), 400, "INVALID_CAMPAIGN");
        assertRefused(stack.http.put(url, valid.replace("\"totalQuantity\":10", "\"totalQuantity\":99999999999")), 400, "INVALID_CAMPAIGN");
        assertRefused(stack.http.put(url, valid.replaceFirst("\"issueEndsAt\":\"[^\"]*\"", "\"issueEndsAt\":\"tomorrow\"")), 400, "INVALID_CAMPAIGN");
        assertRefused(stack.http.put(url, campaignJson(10, now.plusSeconds(60), now)), 400, "INVALID_CAMPAIGN");
        String issues = ingest + "/api/v1/coupon-campaigns/" + campaign + "/issues";
        assertRefused(stack.http.post(issues, "{\"userId\":\"" + FIRST_USER + "\"}"), 400, "INVALID_USER_ID");
        assertRefused(stack.http.post(issues, "{\"userId\":-3}"), 400, "INVALID_USER_ID");
        assertRefused(stack.http.post(issues, "{}"), 400, "INVALID_USER_ID");
        assertRefused(stack.http.post(ingest + "/api/v1/coupon-campaigns/0/issues", "{\"userId\":" + FIRST_USER + "}"),
                400, "INVALID_CAMPAIGN_ID");

        JsonNode unchanged = stack.http.get(query + "/api/v1/coupon-campaigns/" + campaign).body();
        assertThat(unchanged.get("discountValue").asLong()).isEqualTo(10);
        assertThat(unchanged.get("totalQuantity").asInt()).isEqualTo(10);
        assertThat(unchanged.get("issuedCount").asInt()).isZero();
    }

    /** Sends the rush's 20,000 calls, calling {@code beforeCall} with each call's number first. */
    private static Map<Call, Http.Response> rush(long campaign, IntConsumer beforeCall) {
        List<Call> calls = rushCalls(campaign);
        Semaphore inFlight = new Semaphore(1_000);
        Map<Call, CompletableFuture<Http.Response>> pending = new HashMap<>();
        List<Call> retriedLater = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            beforeCall.accept(i);
            Call call = calls.get(i);
            if (call.retry() && i % 2 == 0) {
                // the other half of the retries comes after every first call has its answer
                retriedLater.add(call);
                continue;
            }
            pending.put(call, issueAsync(inFlight, campaign, call));
        }
        CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).join();
        Map<Call, CompletableFuture<Http.Response>> later = new HashMap<>();
        retriedLater.forEach(call -> later.put(call, issueAsync(inFlight, campaign, call)));
        CompletableFuture.allOf(later.values().toArray(CompletableFuture[]::new)).join();
        pending.putAll(later);
        assertThat(pending).hasSize(20_000);
        return pending.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().join()));
    }

    /**
     * Every user once, 3,000 of them a second time with a new key (18,000 distinct requests), in a
     * shuffled order; 2,000 of the first calls are repeated with their key right after being sent.
     */
    private static List<Call> rushCalls(long campaign) {
        List<Call> distinct = new ArrayList<>();
        for (int n = 0; n < USERS; n++) {
            distinct.add(new Call("rush-" + campaign + "-" + n, FIRST_USER + n, false));
            if (n % 5 == 0) {
                distinct.add(new Call("rush-" + campaign + "-" + n + "-again", FIRST_USER + n, false));
            }
        }
        Collections.shuffle(distinct, new Random(campaign));
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            Call call = distinct.get(i);
            calls.add(call);
            if (i % 9 == 0) {
                calls.add(new Call(call.key(), call.user(), true));
            }
        }
        return calls;
    }

    private static void assertEveryDistinctRequestDecidedOnceAndTheQuotaExact(long campaign, Map<Call, Http.Response> answers) {
        // 202 is an honest answer when the wait for the outcome runs out (a busy machine, a restarting processor)
        assertThat(answers.values()).extracting(Http.Response::status).allSatisfy(status -> assertThat(status).isIn(201, 202, 409));
        Set<String> keys = answers.keySet().stream().map(Call::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(18_000);
        Ledgers ledgers = new Ledgers(stack);
        List<Map<String, List<Outcome>>> decided = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            decided.set(0, ledgers.decisionsOf(keys));
            return decided.get(0).size() == keys.size();
        });
        assertThat(decided.get(0)).allSatisfy((key, outcomes) -> assertThat(outcomes).as(key).hasSize(1));

        Map<String, Long> issuedByOutcome = decided.get(0).values().stream()
                .map(outcomes -> outcomes.get(0))
                .filter(Outcome.Succeeded.class::isInstance)
                .map(outcome -> (Coupon) ((Outcome.Succeeded) outcome).result())
                .collect(Collectors.toMap(Coupon::couponId, coupon -> coupon.userId().value()));
        Set<String> allCouponIds = IntStream.rangeClosed(1, QUANTITY).mapToObj(n -> campaign + "-" + n).collect(Collectors.toSet());
        assertThat(issuedByOutcome.keySet()).isEqualTo(allCouponIds);
        assertThat(new HashSet<>(issuedByOutcome.values())).as("no user holds two").hasSize(QUANTITY);

        JsonSerde<Coupon> coupons = JsonSerde.of(Coupon.class);
        Map<String, Long> issuedOnTopic = stack.readCommitted(Topics.COUPON_ISSUED).stream()
                .map(record -> coupons.deserialize(record.topic(), record.value()))
                .filter(coupon -> coupon.campaignId().value() == campaign)
                .collect(Collectors.toMap(Coupon::couponId, coupon -> coupon.userId().value()));
        assertThat(issuedOnTopic).isEqualTo(issuedByOutcome);

        JsonNode campaignRead = stack.http.get(query + "/api/v1/coupon-campaigns/" + campaign).body();
        assertThat(campaignRead.get("issuedCount").asInt()).isEqualTo(QUANTITY);
        assertThat(campaignRead.get("remaining").asInt()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(couponBooks(campaign)).isEqualTo(issuedByOutcome));

        answers.values().stream().filter(response -> response.status() == 201).forEach(response ->
                assertThat(issuedByOutcome).containsEntry(response.body().get("couponId").asString(),
                        response.body().get("userId").asLong()));
    }

    /** The coupons of {@code campaign} in every rush user's coupon book, read through the query API. */
    private static Map<String, Long> couponBooks(long campaign) {
        Semaphore inFlight = new Semaphore(100);
        List<CompletableFuture<Http.Response>> reads = new ArrayList<>();
        for (int n = 0; n < USERS; n++) {
            inFlight.acquireUninterruptibly();
            reads.add(stack.http.getAsync(query + "/api/v1/users/" + (FIRST_USER + n) + "/coupons")
                    .whenComplete((response, error) -> inFlight.release()));
        }
        Map<String, Long> held = new HashMap<>();
        for (CompletableFuture<Http.Response> read : reads) {
            JsonNode book = read.join().body();
            for (JsonNode coupon : book.get("coupons")) {
                if (coupon.get("campaignId").asLong() == campaign) {
                    assertThat(held.put(coupon.get("couponId").asString(), book.get("userId").asLong())).isNull();
                }
            }
        }
        return held;
    }

    /**
     * Registers the rush's users straight on the user-command topic (registration is not what is under
     * test, and this is much faster than 15,000 HTTP calls), then waits until the campaign tasks see
     * them all: the global store applies each partition in order, so once the last user registered on
     * each partition can get a coupon of a probe campaign, every user is known.
     */
    private static void registerUsers() {
        try (KafkaProducer<String, RegisterUser> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(), JsonSerde.of(RegisterUser.class))) {
            for (int n = 0; n < USERS; n++) {
                UserId user = new UserId(FIRST_USER + n);
                producer.send(new ProducerRecord<>(Topics.USER_COMMANDS, user.key(),
                        new RegisterUser("register-" + user, user, "rush", Instant.now())));
            }
        }
        Set<String> rushUsers = IntStream.range(0, USERS).mapToObj(n -> Long.toString(FIRST_USER + n)).collect(Collectors.toSet());
        Map<Integer, String> lastPerPartition = new HashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Set<String> registered = new HashSet<>();
            for (var record : stack.readCommitted(Topics.USERS)) {
                if (rushUsers.contains(record.key())) {
                    registered.add(record.key());
                    lastPerPartition.put(record.partition(), record.key());
                }
            }
            return registered.size() == USERS;
        });
        Instant now = Instant.now();
        assertThat(defineCampaign(PROBE_CAMPAIGN, USERS, now.minusSeconds(60), now.plusSeconds(3_600)).status()).isEqualTo(200);
        int[] attempt = {0};
        lastPerPartition.values().forEach(user -> await().atMost(Duration.ofSeconds(30))
                .until(() -> issue(PROBE_CAMPAIGN, Long.parseLong(user), "probe-" + user + "-" + attempt[0]++).status() == 201));
    }

    private static void defineRushCampaign(long campaign) {
        Instant now = Instant.now();
        assertThat(defineCampaign(campaign, QUANTITY, now.minusSeconds(60), now.plusSeconds(3_600)).status()).isEqualTo(200);
    }

    private static Http.Response defineCampaign(long campaign, int quantity, Instant from, Instant until) {
        return stack.http.put(ingest + "/api/v1/admin/coupon-campaigns/" + campaign, campaignJson(quantity, from, until));
    }

    private static String campaignJson(int quantity, Instant from, Instant until) {
        return "{\"name\":\"drop\",\"discountType\":\"PERCENT\",\"discountValue\":10,\"maxDiscount\":5000,"
                + "\"minOrderAmount\":10000,\"totalQuantity\":" + quantity + ",\"issueStartsAt\":\"" + from
                + "\",\"issueEndsAt\":\"" + until + "\",\"couponValidDays\":7}";
    }

    private static Http.Response issue(long campaign, long user, String key) {
        return stack.http.post(ingest + "/api/v1/coupon-campaigns/" + campaign + "/issues", "{\"userId\":" + user + "}",
                "Idempotency-Key", key);
    }

    private static CompletableFuture<Http.Response> issueAsync(Semaphore inFlight, long campaign, Call call) {
        inFlight.acquireUninterruptibly();
        return stack.http.postAsync(ingest + "/api/v1/coupon-campaigns/" + campaign + "/issues",
                        "{\"userId\":" + call.user() + "}", "Idempotency-Key", call.key())
                .whenComplete((response, error) -> inFlight.release());
    }

    private static void assertRefused(Http.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
