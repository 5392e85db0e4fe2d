package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.request.OutcomeResult;
import dev.dealstream.topics.support.Json;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.web.PathIds;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/** The command endpoints as Reactor Netty serves them: each call ends in one answer, each refusal sends nothing. */
class CommandRoutesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final int MAX_BODY_BYTES = 64;
    private static final String CHARGES = "/wallets/{userId}/charges";

    private final OutcomeWaiters waiters = new OutcomeWaiters();
    private final ScheduledThreadPoolExecutor timeouts = CommandGateway.newTimeoutScheduler();
    // the unit under test is the HTTP edge, not the send: Kafka's MockProducer acknowledges every record
    private final MockProducer<String, Object> producer =
            new MockProducer<>(true, null, new StringSerializer(), JsonSerde.of(Object.class));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpClient client = HttpClient.newHttpClient();
    private final DisposableServer server;

    CommandRoutesTest() {
        CommandGateway gateway = new CommandGateway(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
                waiters, timeouts, Duration.ofSeconds(10), 100);
        CommandEndpoint charge = CommandEndpoint.post(CHARGES, call -> {
            UserId user = PathIds.userId(call.pathVariable("userId"));
            ChargeWallet command = new ChargeWallet(call.requestId(), user, call.body().get("amount").longValue(), NOW);
            return new CommandSubmission("wallet.commands", user.key(), command, HttpStatus.OK);
        });
        CommandEndpoint broken = CommandEndpoint.post("/broken", call -> {
            throw new IllegalStateException("a bug in an endpoint");
        });
        CommandRoutes routes = new CommandRoutes(List.of(charge, broken), gateway, new CommandResponses("http://query"),
                MAX_BODY_BYTES, registry);
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes::apply).bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
        timeouts.shutdownNow();
    }

    @Test
    void aCallWaitsForItsOutcomeAndAnswersWithItsResult() throws Exception {
        CompletableFuture<HttpResponse<String>> answer =
                client.sendAsync(post("/wallets/7/charges", "{\"amount\":5000}").header("Idempotency-Key", "k1").build(),
                        HttpResponse.BodyHandlers.ofString());
        awaitSent();
        assertThat(waiters.isWaitingFor("k1")).isTrue();

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("wallet.commands");
            assertThat(record.key()).isEqualTo("7");
            assertThat(record.value()).isEqualTo(new ChargeWallet("k1", new UserId(7), 5_000, NOW));
        });
        ChargeWallet sent = (ChargeWallet) producer.history().get(0).value();
        ChargeResult result = new ChargeResult("k1", new UserId(7), 5_000, 5_000, NOW);
        waiters.complete(new Outcome.Succeeded("k1", sent.fingerprint(), result, NOW));

        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(Json.mapper().writerFor(OutcomeResult.class).writeValueAsString(result));
        assertThat(timedCalls("200")).isEqualTo(1);
    }

    @Test
    void aCallThatPrefersNotToWaitIsAcceptedOnceWritten() throws Exception {
        HttpResponse<String> response = send(post("/wallets/7/charges", "{\"amount\":5000}")
                .header("Idempotency-Key", "k2").header("Prefer", "respond-async"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("http://query/api/v1/requests/k2");
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        assertThat(Json.mapper().readTree(response.body()).get("status").stringValue()).isEqualTo("PENDING");
        assertThat(producer.history()).hasSize(1);
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void anotherMethodOnACommandPathIsNotAllowed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/wallets/7/charges")).GET());

        assertRefused(response, ReasonCode.METHOD_NOT_ALLOWED);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(timedCalls("405")).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrChunked() throws Exception {
        String oversized = "{\"amount\":5000,\"padding\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";
        byte[] bytes = oversized.getBytes(StandardCharsets.UTF_8);

        assertRefused(send(post("/wallets/7/charges", oversized)), ReasonCode.PAYLOAD_TOO_LARGE);
        assertRefused(send(HttpRequest.newBuilder(uri("/wallets/7/charges")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))),
                ReasonCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void eachBadPartIsRefusedWithItsReason() throws Exception {
        assertRefused(send(post("/wallets/abc/charges", "{\"amount\":5000}")), ReasonCode.INVALID_USER_ID);
        assertRefused(send(post("/wallets/7/charges", "{\"amount\":5000}").header("Idempotency-Key", "has space")),
                ReasonCode.INVALID_IDEMPOTENCY_KEY);
        assertRefused(send(post("/wallets/7/charges", "{\"amount\":")), ReasonCode.MALFORMED_REQUEST);
        assertRefused(send(HttpRequest.newBuilder(uri("/wallets/7/charges")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("5000"))), ReasonCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anUnexpectedErrorInAnEndpointIsAnInternalErrorProblem() throws Exception {
        HttpResponse<String> response = send(post("/broken", "{}"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(response.body()).get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
        assertThat(producer.history()).isEmpty();
    }

    private void assertRefused(HttpResponse<String> response, ReasonCode code) {
        assertThat(response.statusCode()).isEqualTo(code.httpStatus());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.get("code").stringValue()).isEqualTo(code.name());
        assertThat(producer.history()).isEmpty();
        assertThat(waiters.waiting()).isZero();
    }

    private void awaitSent() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (producer.history().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** The calls timed with {@code status}; a call is timed once its answer is written, just after the client has it. */
    private long timedCalls(String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Timer timer = registry.find("dealstream.ingest.commands").tag("uri", CHARGES).tag("status", status).timer();
        while ((timer == null || timer.count() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            timer = registry.find("dealstream.ingest.commands").tag("uri", CHARGES).tag("status", status).timer();
        }
        return timer == null ? 0 : timer.count();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
