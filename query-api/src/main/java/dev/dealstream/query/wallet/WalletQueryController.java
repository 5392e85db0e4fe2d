package dev.dealstream.query.wallet;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.UserId;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /api/v1/wallets/{userId}}: the balance, from the processor that owns the user. */
@Configuration(proxyBeanMethods = false)
class WalletQueryController {

    private final ProcessorRouter router;

    WalletQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @Bean
    RouterFunction<ServerResponse> walletRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/wallets/{userId}", request -> {
            UserId user = PathIds.userId(request.pathVariable("userId"));
            return router.relay(QueryableStores.WALLETS, user.key(), "/internal/wallets/" + user.key());
        });
    }
}
