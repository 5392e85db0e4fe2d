package dev.dealstream.query.order;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** An order, from its user's task (the order id names the user, so the owner is found without a search). */
@Configuration(proxyBeanMethods = false)
class OrderQueryController {

    private final ProcessorRouter router;

    OrderQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @Bean
    RouterFunction<ServerResponse> orderRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/orders/{orderId}", request -> {
            OrderId order = PathIds.orderId(request.pathVariable("orderId"));
            return router.relay(QueryableStores.ORDERS, order.userId().key(), "/internal/orders/" + order.text());
        });
    }
}
