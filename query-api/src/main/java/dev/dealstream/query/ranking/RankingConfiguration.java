package dev.dealstream.query.ranking;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RankingConfiguration {

    @Bean
    PopularProductsListener popularProductsListener(KafkaProperties kafka) {
        return new PopularProductsListener(kafka.buildConsumerProperties());
    }
}
