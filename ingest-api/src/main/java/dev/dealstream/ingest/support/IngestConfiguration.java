package dev.dealstream.ingest.support;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.JsonSerde;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private static final Duration EXPIRY_TICK = Duration.ofMillis(50);

    @Bean
    KafkaTemplate<String, Object> commandTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new StringSerializer(), JsonSerde.of(Object.class)));
    }

    @Bean
    OutcomeWaiters outcomeWaiters(MeterRegistry registry, IngestProperties properties) {
        OutcomeWaiters waiters = new OutcomeWaiters(properties.outcomeWait());
        Gauge.builder("dealstream.ingest.waiting.requests", waiters, OutcomeWaiters::waiting)
                .description("HTTP calls waiting for their outcome").register(registry);
        return waiters;
    }

    /** Ends the calls whose wait is over, every {@link #EXPIRY_TICK}: a wait of 2 s lasts at most 2.05 s. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService outcomeWaitExpiry(OutcomeWaiters waiters) {
        ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outcome-wait-expiry");
            thread.setDaemon(true);
            return thread;
        });
        expiry.scheduleWithFixedDelay(() -> waiters.expireOverdue(System.nanoTime()),
                EXPIRY_TICK.toMillis(), EXPIRY_TICK.toMillis(), TimeUnit.MILLISECONDS);
        return expiry;
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
                                  IngestProperties properties) {
        return new CommandGateway(commandTemplate, waiters, properties.maxWaiting(),
                new CommandResponses(properties.queryApiUrl()));
    }
}
