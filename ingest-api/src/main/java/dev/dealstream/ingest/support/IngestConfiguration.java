package dev.dealstream.ingest.support;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.JsonSerde;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the producer, the outcome listener and the gateway the command endpoints submit through. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    KafkaTemplate<String, Object> commandTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new StringSerializer(), JsonSerde.of(Object.class)));
    }

    @Bean
    OutcomeWaiters outcomeWaiters(MeterRegistry registry) {
        OutcomeWaiters waiters = new OutcomeWaiters();
        Gauge.builder("dealstream.ingest.waiting.requests", waiters, OutcomeWaiters::waiting)
                .description("HTTP calls waiting for their outcome").register(registry);
        return waiters;
    }

    /**
     * Ends the outcome waits that run out. Every wait is equally long, so a new timeout is never the
     * next one due and never wakes the thread; an answered call's timeout leaves the queue at once
     * (remove on cancel), so nothing of an answered call stays. The JDK's {@code completeOnTimeout}
     * woke its timer thread for every call: 8 % of the ingest's CPU samples at 5,000 calls/s.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledThreadPoolExecutor outcomeWaitTimeouts() {
        ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "outcome-wait-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
        return timeouts;
    }

    @Bean
    OutcomeListener outcomeListener(KafkaProperties kafka, OutcomeWaiters waiters, IngestProperties properties) {
        return new OutcomeListener(kafka.buildConsumerProperties(), waiters, properties.startupTimeout());
    }

    @Bean
    HealthIndicator outcomes(OutcomeListener listener) {
        return () -> listener.isListening() ? Health.up().build()
                : Health.down().withDetail("reason", "not reading " + Topics.REQUEST_OUTCOMES).build();
    }

    @Bean
    CommandGateway commandGateway(KafkaTemplate<String, Object> commandTemplate, OutcomeWaiters waiters,
                                  ScheduledThreadPoolExecutor outcomeWaitTimeouts, IngestProperties properties) {
        return new CommandGateway(commandTemplate, waiters, outcomeWaitTimeouts, properties.outcomeWait(),
                properties.maxWaiting(), new CommandResponses(properties.queryApiUrl()));
    }
}
