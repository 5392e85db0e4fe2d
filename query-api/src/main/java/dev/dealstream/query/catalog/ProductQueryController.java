package dev.dealstream.query.catalog;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** A product with its price, sale price and live stock, from the product's task. */
@Configuration(proxyBeanMethods = false)
class ProductQueryController {

    private final ProcessorRouter router;

    ProductQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @Bean
    RouterFunction<ServerResponse> productRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/products/{productId}", request -> {
            ProductId product = PathIds.productId(request.pathVariable("productId"));
            return router.relay(QueryableStores.PRODUCTS, product.key(), "/internal/products/" + product.key());
        });
    }
}
