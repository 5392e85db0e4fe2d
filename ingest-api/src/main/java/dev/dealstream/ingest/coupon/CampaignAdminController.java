package dev.dealstream.ingest.coupon;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandEndpoints;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.web.ApiException;
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

/** {@code PUT /api/v1/admin/coupon-campaigns/{campaignId}}: define a coupon campaign or change one. */
@Configuration(proxyBeanMethods = false)
class CampaignAdminController {

    private static final ReasonCode INVALID = ReasonCode.INVALID_CAMPAIGN;

    private final CommandGateway gateway;

    CampaignAdminController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Bean
    RouterFunction<ServerResponse> campaignAdminRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.PUT, "/api/v1/admin/coupon-campaigns/{campaignId}",
                CommandEndpoints.withJsonBody("campaignId", PathIds::campaignId, this::define));
    }

    private Mono<ServerResponse> define(CampaignId campaign, CommandRequest request, JsonNode body) {
        Long minOrderAmount = BodyFields.optionalInteger(body, "minOrderAmount", INVALID);
        DefineCampaign command = new DefineCampaign(request.requestId(), campaign,
                BodyFields.text(body, "name", INVALID),
                discountType(BodyFields.text(body, "discountType", INVALID)),
                BodyFields.integer(body, "discountValue", INVALID),
                BodyFields.optionalInteger(body, "maxDiscount", INVALID),
                minOrderAmount == null ? 0 : minOrderAmount,
                BodyFields.intValue(body, "totalQuantity", INVALID),
                BodyFields.instant(body, "issueStartsAt", INVALID),
                BodyFields.instant(body, "issueEndsAt", INVALID),
                BodyFields.intValue(body, "couponValidDays", INVALID),
                Instant.now());
        String violation = command.violation();
        if (violation != null) {
            throw new ApiException(INVALID, violation);
        }
        return gateway.execute(Topics.CAMPAIGN_COMMANDS, campaign.key(), command, request, HttpStatus.OK);
    }

    private static DiscountType discountType(String text) {
        try {
            return DiscountType.valueOf(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new ApiException(INVALID, "'discountType' is FIXED or PERCENT");
        }
    }
}
