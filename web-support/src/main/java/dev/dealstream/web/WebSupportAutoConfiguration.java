package dev.dealstream.web;

import dev.dealstream.topics.support.Json;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Dealstream service gets from having this module: the contract's JSON mapping for HTTP
 * bodies too (so results read the same on a topic and over HTTP), problem answers, a body limit
 * ({@code dealstream.http.max-body-size}, default 16KB) and the charge limits, on Spring MVC
 * (processor) or Spring WebFlux (ingest and query APIs) alike.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(ChargeLimitsProperties.class)
public class WebSupportAutoConfiguration {

    /** The request body limit, for {@code @Value}: every service and stack holds bodies to the same one. */
    public static final String MAX_BODY_SIZE = "${dealstream.http.max-body-size:16KB}";

    @Bean
    JsonMapper jsonMapper() {
        return Json.mapper();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        ServletApiExceptionHandler apiExceptionHandler() {
            return new ServletApiExceptionHandler();
        }

        @Bean
        FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(@Value(MAX_BODY_SIZE) DataSize maxBodySize) {
            FilterRegistrationBean<BodySizeLimitFilter> registration =
                    new FilterRegistrationBean<>(new BodySizeLimitFilter((int) maxBodySize.toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        ReactiveApiExceptionHandler apiExceptionHandler(@Value(MAX_BODY_SIZE) DataSize maxBodySize) {
            return new ReactiveApiExceptionHandler((int) maxBodySize.toBytes());
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        BodySizeLimitWebFilter bodySizeLimitWebFilter(@Value(MAX_BODY_SIZE) DataSize maxBodySize) {
            return new BodySizeLimitWebFilter((int) maxBodySize.toBytes());
        }

        /** A body the codecs read is held to the same limit, also when it came without Content-Length. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        CodecCustomizer bodySizeLimitCodecs(@Value(MAX_BODY_SIZE) DataSize maxBodySize) {
            return codecs -> codecs.defaultCodecs().maxInMemorySize((int) maxBodySize.toBytes());
        }
    }
}
