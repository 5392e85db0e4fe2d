package dev.dealstream.topics.coupon;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.support.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * A user asks for one coupon of a campaign. Topic: {@code coupon.issue-requests}, key: campaignId, so
 * every request for one campaign is decided by one task, in arrival order. The issue window is checked
 * against {@code acceptedAt}, the time the ingest API took the request.
 */
public record IssueCoupon(String requestId, CampaignId campaignId, UserId userId, Instant acceptedAt) implements Command {

    public IssueCoupon {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of("issue-coupon", campaignId, userId);
    }
}
