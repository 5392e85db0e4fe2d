package dev.dealstream.ingest.support;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.web.WebSupportAutoConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Wires the producer, the outcome listener, the gateway the command endpoints submit through, and the
 * routes that serve every {@link CommandEndpoint} bean.
 */
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

    @Bean(destroyMethod = "shutdownNow")
    ScheduledThreadPoolExecutor outcomeWaitTimeouts() {
        return CommandGateway.newTimeoutScheduler();
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
                properties.maxWaiting());
    }

    @Bean
    CommandRoutes commandRoutes(List<CommandEndpoint> endpoints, CommandGateway gateway, IngestProperties properties,
                                @Value(WebSupportAutoConfiguration.MAX_BODY_SIZE) DataSize maxBodySize, MeterRegistry registry) {
        return new CommandRoutes(endpoints, gateway, new CommandResponses(properties.queryApiUrl()),
                (int) maxBodySize.toBytes(), registry);
    }
}
