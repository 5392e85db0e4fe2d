package dev.dealstream.web;

import dev.dealstream.topics.support.Json;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Dealstream service gets from having this module: the contract's JSON mapping for HTTP
 * bodies too (so results read the same on a topic and over HTTP), problem answers, a body limit
 * ({@code dealstream.http.max-body-size}, default 16KB) and the charge limits.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@Import(ApiExceptionHandler.class)
@EnableConfigurationProperties(ChargeLimitsProperties.class)
public class WebSupportAutoConfiguration {

    @Bean
    JsonMapper jsonMapper() {
        return Json.mapper();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${dealstream.http.max-body-size:16KB}") DataSize maxBodySize) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter((int) maxBodySize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
