package dev.dealstream.query.coupon;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Campaigns and users' coupons, each from the processor instance that owns it. */
@Configuration(proxyBeanMethods = false)
class CouponQueryController {

    private final ProcessorRouter router;

    CouponQueryController(ProcessorRouter router) {
        this.router = router;
    }

    @Bean
    RouterFunction<ServerResponse> couponRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/coupon-campaigns/{campaignId}", this::campaign)
                .and(ReactiveEndpoints.endpoint(HttpMethod.GET, "/api/v1/users/{userId}/coupons", this::coupons));
    }

    /** The campaign's definition with {@code issuedCount} and {@code remaining}, from the campaign's task. */
    private Mono<ServerResponse> campaign(ServerRequest request) {
        CampaignId campaign = PathIds.campaignId(request.pathVariable("campaignId"));
        return router.relay(QueryableStores.COUPON_CAMPAIGNS, campaign.key(), "/internal/coupon-campaigns/" + campaign.key());
    }

    /** The user's coupons with their status, from the user's task. */
    private Mono<ServerResponse> coupons(ServerRequest request) {
        UserId user = PathIds.userId(request.pathVariable("userId"));
        return router.relay(QueryableStores.HELD_COUPONS, user.key(), "/internal/users/" + user.key() + "/coupons");
    }
}
