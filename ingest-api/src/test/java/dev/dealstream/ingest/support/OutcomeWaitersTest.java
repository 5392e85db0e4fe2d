package dev.dealstream.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.ChargeResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutcomeWaitersTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final OutcomeWaiters waiters = new OutcomeWaiters(WAIT);

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

    @Test
    void aCallStillWaitingWhenItsWaitIsOverIsAnsweredEmpty() {
        OutcomeWaiters.Waiter waiter = waiters.register("r1", "f1");

        waiters.expireOverdue(waiter.deadlineNanos() - 1);
        assertThat(waiter.outcome()).isNotDone();
        waiters.expireOverdue(waiter.deadlineNanos());

        assertThat(waiter.outcome()).isCompletedWithValue(null);
    }

    @Test
    void onlyTheCallsWhoseWaitIsOverAreEnded() {
        OutcomeWaiters.Waiter first = waiters.register("r1", "f1");
        OutcomeWaiters.Waiter second = waiters.register("r2", "f2");
        OutcomeWaiters.Waiter third = waiters.register("r3", "f3");

        waiters.expireOverdue(second.deadlineNanos());

        assertThat(first.outcome()).isCompletedWithValue(null);
        assertThat(second.outcome()).isCompletedWithValue(null);
        assertThat(third.outcome()).isNotDone();
        waiters.expireOverdue(third.deadlineNanos());
        assertThat(third.outcome()).isCompletedWithValue(null);
    }

    @Test
    void aCallAnsweredBeforeItsWaitIsOverKeepsItsOutcome() {
        OutcomeWaiters.Waiter waiter = waiters.register("r1", "f1");
        Outcome outcome = outcome("r1", "f1");
        waiters.complete(outcome);

        waiters.expireOverdue(waiter.deadlineNanos() + WAIT.toNanos());

        assertThat(waiter.outcome()).isCompletedWithValue(outcome);
    }

    @Test
    void aCallWaitsAsLongAsConfigured() {
        long before = System.nanoTime();
        OutcomeWaiters.Waiter waiter = waiters.register("r1", "f1");

        assertThat(waiter.deadlineNanos() - before).isBetween(WAIT.toNanos(), WAIT.toNanos() + Duration.ofSeconds(1).toNanos());
    }

    private static Outcome outcome(String requestId, String fingerprint) {
        return new Outcome.Succeeded(requestId, fingerprint,
                new ChargeResult(requestId, new UserId(7), 5_000, 5_000, NOW), NOW);
    }
}
