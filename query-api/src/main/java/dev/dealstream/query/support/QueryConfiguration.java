package dev.dealstream.query.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    ProcessorRouter processorRouter(QueryProperties properties) {
        return new ProcessorRouter(properties);
    }
}
