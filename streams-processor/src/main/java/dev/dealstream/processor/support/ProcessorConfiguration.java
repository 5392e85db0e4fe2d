package dev.dealstream.processor.support;

import dev.dealstream.processor.ProcessorTopology;
import dev.dealstream.web.ChargeLimitsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the topology, the Streams client and its health into Spring. */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Bean
    Topology processorTopology(ChargeLimitsProperties wallet, ProcessorProperties properties) {
        return ProcessorTopology.build(new TopologySettings(wallet.limits(), properties.requestRetention(),
                properties.orderTimeout(), properties.rankingPublishInterval()));
    }

    @Bean
    StreamsRunner streamsRunner(Topology topology, ProcessorProperties properties, Environment environment,
                                MeterRegistry meterRegistry) {
        return new StreamsRunner(topology, properties, environment, meterRegistry);
    }

    @Bean
    LocalStores localStores(StreamsRunner runner) {
        return new LocalStores(runner);
    }

    @Bean
    HealthIndicator streams(StreamsRunner runner) {
        return () -> {
            if (!runner.started()) {
                return Health.unknown().withDetail("state", "NOT_STARTED").build();
            }
            var state = runner.streams().state();
            Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
            return health.withDetail("state", state.name()).build();
        };
    }
}
