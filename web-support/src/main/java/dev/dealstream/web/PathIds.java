package dev.dealstream.web;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.order.OrderId;

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

    public static ProductId productId(String pathSegment) {
        try {
            return ProductId.parse(pathSegment);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ReasonCode.INVALID_PRODUCT_ID, "a product id is a positive integer, got '" + pathSegment + "'");
        }
    }

    /** A time sale's id: a positive integer. */
    public static long saleId(String pathSegment) {
        try {
            long id = Long.parseLong(pathSegment);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, as a negative id is
        }
        throw new ApiException(ReasonCode.INVALID_TIME_SALE_ID, "a time sale id is a positive integer, got '" + pathSegment + "'");
    }

    public static OrderId orderId(String pathSegment) {
        try {
            return OrderId.parse(pathSegment);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ReasonCode.INVALID_ORDER_ID, e.getMessage());
        }
    }
}
