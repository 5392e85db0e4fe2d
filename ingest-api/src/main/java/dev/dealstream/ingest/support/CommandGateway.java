package dev.dealstream.ingest.support;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.request.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes a command to its topic and, unless the caller prefers not to wait, waits for its outcome.
 * The waiter is registered before the send, so an outcome can never arrive unseen.
 *
 * <p>Nothing blocks: the send is asynchronous, and the answer is written when the outcome arrives, the
 * wait ends or the send fails. A waiting call holds no thread, so how many calls wait at once is
 * bounded only by {@code maxWaiting}. (On Tomcat, each waiting call parked a request thread for its
 * decision time, which capped an instance near 1,000 threads / 0.2 s = 5,000 calls/s.)
 */
final class CommandGateway {

    private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

    private final KafkaTemplate<String, Object> kafka;
    private final OutcomeWaiters waiters;
    private final ScheduledExecutorService timeouts;
    private final Duration outcomeWait;
    private final int maxWaiting;

    /**
     * The scheduler for the gateway's timeouts. Every wait is equally long, so a new timeout is never the
     * next one due and never wakes the thread; an answered call's timeout leaves the queue at once
     * (remove on cancel), so nothing of an answered call stays. The JDK's {@code completeOnTimeout}
     * woke its timer thread for every call: 8 % of the ingest's CPU samples at 5,000 calls/s.
     */
    static ScheduledThreadPoolExecutor newTimeoutScheduler() {
        ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "outcome-wait-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
        return timeouts;
    }

    /**
     * @param timeouts ends the waits that run out, from {@link #newTimeoutScheduler()} (a call's timeout
     *                 is cancelled when it is answered)
     */
    CommandGateway(KafkaTemplate<String, Object> kafka, OutcomeWaiters waiters, ScheduledExecutorService timeouts,
                   Duration outcomeWait, int maxWaiting) {
        this.kafka = kafka;
        this.waiters = waiters;
        this.timeouts = timeouts;
        this.outcomeWait = outcomeWait;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Writes {@code command} keyed by {@code key}; completes with its outcome, or as pending once written
     * when the caller prefers not to wait ({@code respondAsync}), when too many calls wait already, or
     * when the wait runs out. Never completes exceptionally: a failed send is {@link Submission.NotAccepted}.
     */
    CompletableFuture<Submission> submit(String topic, String key, Command command, boolean respondAsync) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(topic, null, command.acceptedAt().toEpochMilli(), key, command);
        if (respondAsync || waiters.waiting() >= maxWaiting) {
            return send(record).thenApply(sent -> (Submission) new Submission.Pending(command.requestId(), respondAsync))
                    .exceptionally(error -> notAccepted(command, error));
        }
        OutcomeWaiters.Waiter waiter = waiters.register(command.requestId(), command.fingerprint());
        send(record).whenComplete((sent, error) -> {
            if (error != null) {
                waiter.outcome().completeExceptionally(error);
            }
        });
        ScheduledFuture<?> timeout =
                timeouts.schedule(() -> waiter.outcome().complete(null), outcomeWait.toNanos(), TimeUnit.NANOSECONDS);
        return waiter.outcome()
                .handle((outcome, error) -> {
                    timeout.cancel(false);
                    waiters.forget(waiter);
                    if (error != null) {
                        return notAccepted(command, error);
                    }
                    if (outcome == null) {
                        return new Submission.Pending(command.requestId(), false);
                    }
                    return decided(command, outcome);
                });
    }

    private static Submission decided(Command command, Outcome outcome) {
        return outcome.fingerprint().equals(command.fingerprint())
                ? new Submission.Decided(command.requestId(), outcome)
                : new Submission.KeyReused(command.requestId());
    }

    private CompletableFuture<?> send(ProducerRecord<String, Object> record) {
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Submission notAccepted(Command command, Throwable error) {
        log.warn("Could not write request {} to Kafka: {}", command.requestId(), error.toString());
        return new Submission.NotAccepted(command.requestId(), error);
    }
}
