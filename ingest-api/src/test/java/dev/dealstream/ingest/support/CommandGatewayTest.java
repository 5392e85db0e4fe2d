package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.ChargeWallet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** How a waiting call ends: its outcome, or the end of its wait; either way nothing of it stays behind. */
class CommandGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration WAIT = Duration.ofMillis(200);

    private final OutcomeWaiters waiters = new OutcomeWaiters();
    private final ScheduledThreadPoolExecutor timeouts = CommandGateway.newTimeoutScheduler();
    private final CommandGateway gateway;

    CommandGatewayTest() {
        // the unit under test is the wait, not the send: Kafka's MockProducer acknowledges every record
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() ->
                new MockProducer<>(true, null, new StringSerializer(), JsonSerde.of(Object.class))));
        gateway = new CommandGateway(kafka, waiters, timeouts, WAIT, 100);
    }

    @AfterEach
    void stopTimeouts() {
        timeouts.shutdownNow();
    }

    @Test
    void aCallWhoseOutcomeDoesNotComeInTimeEndsPendingAfterItsWait() throws Exception {
        ChargeWallet charge = charge("r1");
        long start = System.nanoTime();

        Submission submission = gateway.submit(Topics.WALLET_COMMANDS, "7", charge, false).get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(WAIT);
        assertThat(submission).isEqualTo(new Submission.Pending("r1", false));
        assertThat(waiters.waiting()).isZero();
        assertThat(timeouts.getQueue()).isEmpty();
    }

    @Test
    void aCallAnsweredInTimeGetsItsOutcomeAndItsTimeoutIsGone() throws Exception {
        ChargeWallet charge = charge("r2");
        var answer = gateway.submit(Topics.WALLET_COMMANDS, "7", charge, false);
        assertThat(timeouts.getQueue()).hasSize(1);
        Outcome outcome = new Outcome.Succeeded("r2", charge.fingerprint(),
                new ChargeResult("r2", new UserId(7), 5_000, 5_000, NOW), NOW);

        waiters.complete(outcome);

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(new Submission.Decided("r2", outcome));
        assertThat(waiters.waiting()).isZero();
        assertThat(timeouts.getQueue()).isEmpty();
    }

    private static ChargeWallet charge(String requestId) {
        return new ChargeWallet(requestId, new UserId(7), 5_000, NOW);
    }
}
