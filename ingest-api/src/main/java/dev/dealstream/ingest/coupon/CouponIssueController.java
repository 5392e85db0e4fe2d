package dev.dealstream.ingest.coupon;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandCall;
import dev.dealstream.ingest.support.CommandEndpoint;
import dev.dealstream.ingest.support.CommandSubmission;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /api/v1/coupon-campaigns/{campaignId}/issues}: ask for a coupon. The request is keyed by
 * the campaign, so the campaign's task decides it in arrival order; 201 with the coupon when issued.
 */
@Configuration(proxyBeanMethods = false)
class CouponIssueController {

    @Bean
    CommandEndpoint couponIssueEndpoint() {
        return CommandEndpoint.post("/api/v1/coupon-campaigns/{campaignId}/issues", CouponIssueController::issue);
    }

    private static CommandSubmission issue(CommandCall call) {
        CampaignId campaign = PathIds.campaignId(call.pathVariable("campaignId"));
        long user = BodyFields.positiveId(call.body(), "userId", ReasonCode.INVALID_USER_ID, "user id");
        IssueCoupon command = new IssueCoupon(call.requestId(), campaign, new UserId(user), Instant.now());
        return new CommandSubmission(Topics.COUPON_ISSUE_REQUESTS, campaign.key(), command, HttpStatus.CREATED);
    }
}
