package dev.dealstream.processor.coupon;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.IssueCoupon;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The rules of a coupon campaign, decided by the one task that owns it: definitions and changes, and
 * first-come issuing with an exact quota and at most one coupon per user.
 */
public final class Campaigns {

    private Campaigns() {
    }

    /** @param existing the campaign as defined so far, or null */
    public static CampaignDecision define(Campaign existing, DefineCampaign command, Instant now) {
        String violation = command.violation();
        if (violation != null) {
            return new CampaignDecision.Refused(ReasonCode.INVALID_CAMPAIGN, violation);
        }
        if (existing != null && command.totalQuantity() < existing.issuedCount()) {
            return new CampaignDecision.Refused(ReasonCode.QUANTITY_BELOW_ISSUED, "campaign " + command.campaignId()
                    + " has issued " + existing.issuedCount() + " coupons; totalQuantity cannot be " + command.totalQuantity());
        }
        return new CampaignDecision.Defined(Campaign.definedBy(command, existing, now));
    }

    /**
     * Decides one issue request. The checks run from the most to the least specific answer: a user who
     * already holds a coupon is told so (with the coupon) even after the campaign sold out or ended.
     * Whether the user is registered is asked last, only of a request that would get a coupon: a
     * refusal for the campaign's reason is true whoever asks, and in a rush most requests come after the
     * last coupon, so they are decided without a lookup in the users' global store.
     *
     * @param campaign       the campaign, or null when none is defined
     * @param userRegistered whether the requesting user is registered, asked at most once
     * @param held           the coupon of this campaign the user already holds, or null
     */
    public static CampaignDecision issue(Campaign campaign, BooleanSupplier userRegistered, Coupon held,
                                         IssueCoupon command, Instant now) {
        if (campaign == null) {
            return new CampaignDecision.Refused(ReasonCode.CAMPAIGN_NOT_FOUND,
                    "campaign " + command.campaignId() + " is not defined");
        }
        if (held != null) {
            return new CampaignDecision.Refused(ReasonCode.ALREADY_ISSUED,
                    "user " + command.userId() + " already holds coupon " + held.couponId(), held);
        }
        if (!campaign.issuesAt(command.acceptedAt())) {
            return new CampaignDecision.Refused(ReasonCode.CAMPAIGN_NOT_ACTIVE, "campaign " + campaign.campaignId()
                    + " issues from " + campaign.issueStartsAt() + " until " + campaign.issueEndsAt()
                    + "; the request came at " + command.acceptedAt());
        }
        if (campaign.soldOut()) {
            return new CampaignDecision.Refused(ReasonCode.SOLD_OUT,
                    "all " + campaign.totalQuantity() + " coupons of campaign " + campaign.campaignId() + " are issued");
        }
        if (!userRegistered.getAsBoolean()) {
            return new CampaignDecision.Refused(ReasonCode.USER_NOT_FOUND, "user " + command.userId() + " is not registered");
        }
        Campaign issued = campaign.withOneMoreIssued(now);
        return new CampaignDecision.Issued(issued, Coupon.issue(campaign, issued.issuedCount(), command.userId(), now));
    }
}
