package dev.dealstream.ingest.coupon;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandCall;
import dev.dealstream.ingest.support.CommandEndpoint;
import dev.dealstream.ingest.support.CommandSubmission;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/admin/coupon-campaigns/{campaignId}}: define a coupon campaign or change one. */
@Configuration(proxyBeanMethods = false)
class CampaignAdminController {

    private static final ReasonCode INVALID = ReasonCode.INVALID_CAMPAIGN;

    @Bean
    CommandEndpoint campaignDefinitionEndpoint() {
        return CommandEndpoint.put("/api/v1/admin/coupon-campaigns/{campaignId}", CampaignAdminController::define);
    }

    private static CommandSubmission define(CommandCall call) {
        CampaignId campaign = PathIds.campaignId(call.pathVariable("campaignId"));
        JsonNode body = call.body();
        Long minOrderAmount = BodyFields.optionalInteger(body, "minOrderAmount", INVALID);
        DefineCampaign command = new DefineCampaign(call.requestId(), campaign,
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
        return new CommandSubmission(Topics.CAMPAIGN_COMMANDS, campaign.key(), command, HttpStatus.OK);
    }

    private static DiscountType discountType(String text) {
        try {
            return DiscountType.valueOf(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new ApiException(INVALID, "'discountType' is FIXED or PERCENT");
        }
    }
}
