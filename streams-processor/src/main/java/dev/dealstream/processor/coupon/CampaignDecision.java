package dev.dealstream.processor.coupon;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.Coupon;

/** What a campaign command came to: the campaign to store (and the coupon issued), or a refusal. */
public sealed interface CampaignDecision {

    record Defined(Campaign campaign) implements CampaignDecision {
    }

    record Issued(Campaign campaign, Coupon coupon) implements CampaignDecision {
    }

    /** {@code held} is the coupon the user already holds, for {@code ALREADY_ISSUED}; otherwise null. */
    record Refused(ReasonCode code, String detail, Coupon held) implements CampaignDecision {
        Refused(ReasonCode code, String detail) {
            this(code, detail, null);
        }
    }
}
