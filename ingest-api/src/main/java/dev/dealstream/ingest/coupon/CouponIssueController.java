package dev.dealstream.ingest.coupon;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/coupon-campaigns/{campaignId}/issues}: ask for a coupon. The request is keyed by
 * the campaign, so the campaign's task decides it in arrival order; 201 with the coupon when issued.
 */
@RestController
class CouponIssueController {

    private final CommandGateway gateway;

    CouponIssueController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(path = "/api/v1/coupon-campaigns/{campaignId}/issues", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> issue(
            @PathVariable String campaignId, CommandRequest request, @RequestBody JsonNode body) {
        CampaignId campaign = PathIds.campaignId(campaignId);
        long user = BodyFields.positiveId(body, "userId", ReasonCode.INVALID_USER_ID, "user id");
        IssueCoupon command = new IssueCoupon(request.requestId(), campaign, new UserId(user), Instant.now());
        return gateway.execute(Topics.COUPON_ISSUE_REQUESTS, campaign.key(), command, request, HttpStatus.CREATED);
    }
}
