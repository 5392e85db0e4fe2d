package dev.dealstream.web;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;

/** Ids read from URL paths, refused with their reason code when malformed. */
public final class PathIds {

    private PathIds() {
    }

    public static UserId userId(String pathSegment) {
        try {
            return UserId.parse(pathSegment);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ReasonCode.INVALID_USER_ID, "a user id is a positive integer, got '" + pathSegment + "'");
        }
    }

    public static CampaignId campaignId(String pathSegment) {
        try {
            return CampaignId.parse(pathSegment);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ReasonCode.INVALID_CAMPAIGN_ID, "a campaign id is a positive integer, got '" + pathSegment + "'");
        }
    }
}
