package dev.dealstream.query.ranking;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.Problems;
import dev.dealstream.web.ReactiveEndpoints;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The top products of the last 3 days, answered from this instance's copy of the merged ranking. */
@Configuration(proxyBeanMethods = false)
class PopularProductsController {

    /** The ranking is published about every second; a cache may hold it that long. */
    private static final CacheControl FRESH_FOR = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final PopularProductsListener ranking;

    PopularProductsController(PopularProductsListener ranking) {
        this.ranking = ranking;
    }

    /** Before the product route, whose {@code {productId}} would take "popular" for an id. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> popularProductsRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/products/popular", request -> ranking.latest()
                .map(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(FRESH_FOR).bodyValue(json))
                .orElseGet(() -> ReactiveEndpoints.respond(
                        Problems.of(ReasonCode.RANKING_NOT_READY, "the ranking has not been read from its topic yet"))));
    }
}
