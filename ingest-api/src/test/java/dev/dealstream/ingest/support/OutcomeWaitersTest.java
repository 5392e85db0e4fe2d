package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.ChargeResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutcomeWaitersTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final OutcomeWaiters waiters = new OutcomeWaiters();

    @Test
    void oneOutcomeAnswersEveryCallWaitingForTheSameRequest() {
        OutcomeWaiters.Waiter first = waiters.register("r1", "f1");
        OutcomeWaiters.Waiter retry = waiters.register("r1", "f1");
        Outcome outcome = outcome("r1", "f1");

        waiters.complete(outcome);

        assertThat(first.outcome()).isCompletedWithValue(outcome);
        assertThat(retry.outcome()).isCompletedWithValue(outcome);
        assertThat(waiters.isWaitingFor("r1")).isFalse();
    }

    @Test
    void outcomesOfOtherRequestsAreIgnored() {
        OutcomeWaiters.Waiter waiter = waiters.register("r1", "f1");

        waiters.complete(outcome("r2", "f2"));

        assertThat(waiter.outcome()).isNotDone();
        assertThat(waiters.isWaitingFor("r1")).isTrue();
        assertThat(waiters.isWaitingFor("r2")).isFalse();
    }

    @Test
    void forgettingTheLastWaiterForgetsTheRequest() {
        OutcomeWaiters.Waiter first = waiters.register("r1", "f1");
        OutcomeWaiters.Waiter second = waiters.register("r1", "f1");

        waiters.forget(first);
        assertThat(waiters.isWaitingFor("r1")).isTrue();
        waiters.forget(second);

        assertThat(waiters.isWaitingFor("r1")).isFalse();
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void aCallRegisteredAfterAnOutcomeWaitsForTheNextOne() {
        waiters.register("r1", "f1");
        waiters.complete(outcome("r1", "f1"));

        OutcomeWaiters.Waiter late = waiters.register("r1", "f1");

        assertThat(late.outcome()).isNotDone();
        waiters.complete(outcome("r1", "f1"));
        assertThat(late.outcome()).isDone();
    }

    private static Outcome outcome(String requestId, String fingerprint) {
        return new Outcome.Succeeded(requestId, fingerprint,
                new ChargeResult(requestId, new UserId(7), 5_000, 5_000, NOW), NOW);
    }
}
