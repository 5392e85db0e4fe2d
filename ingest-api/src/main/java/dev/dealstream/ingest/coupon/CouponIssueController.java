package dev.dealstream.ingest.coupon;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandEndpoints;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/coupon-campaigns/{campaignId}/issues}: ask for a coupon. The request is keyed by
 * the campaign, so the campaign's task decides it in arrival order; 201 with the coupon when issued.
 */
@Configuration(proxyBeanMethods = false)
class CouponIssueController {

    private final CommandGateway gateway;

    CouponIssueController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Bean
    RouterFunction<ServerResponse> couponIssueRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.POST, "/api/v1/coupon-campaigns/{campaignId}/issues",
                CommandEndpoints.withJsonBody("campaignId", PathIds::campaignId, this::issue));
    }

    private Mono<ServerResponse> issue(CampaignId campaign, CommandRequest request, JsonNode body) {
        long user = BodyFields.positiveId(body, "userId", ReasonCode.INVALID_USER_ID, "user id");
        IssueCoupon command = new IssueCoupon(request.requestId(), campaign, new UserId(user), Instant.now());
        return gateway.execute(Topics.COUPON_ISSUE_REQUESTS, campaign.key(), command, request, HttpStatus.CREATED);
    }
}
