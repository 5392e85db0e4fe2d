package dev.dealstream.topics.coupon;

import dev.dealstream.topics.request.OutcomeResult;
import java.time.Instant;

/**
 * A coupon campaign as its owning task keeps it: the definition and how many coupons it has issued.
 * The value of {@code catalog.coupon-campaigns} (published when the definition changes), the result
 * of a definition, and the campaign query's answer.
 *
 * @param remaining always {@code totalQuantity - issuedCount}; a component so that it is in the JSON
 */
public record Campaign(CampaignId campaignId, String name, DiscountType discountType, long discountValue,
                       Long maxDiscount, long minOrderAmount, int totalQuantity, int issuedCount, int remaining,
                       Instant issueStartsAt, Instant issueEndsAt, int couponValidDays,
                       Instant definedAt, Instant updatedAt) implements OutcomeResult {

    public Campaign {
        remaining = totalQuantity - issuedCount;
    }

    /** A campaign as {@code command} defines it, keeping what {@code existing} (or null) has issued. */
    public static Campaign definedBy(DefineCampaign command, Campaign existing, Instant now) {
        int issued = existing == null ? 0 : existing.issuedCount();
        Instant definedAt = existing == null ? now : existing.definedAt();
        return new Campaign(command.campaignId(), command.name(), command.discountType(), command.discountValue(),
                command.maxDiscount(), command.minOrderAmount(), command.totalQuantity(), issued, 0,
                command.issueStartsAt(), command.issueEndsAt(), command.couponValidDays(), definedAt, now);
    }

    /** Whether {@code time} is inside the issue window: from its start, up to (not including) its end. */
    public boolean issuesAt(Instant time) {
        return !time.isBefore(issueStartsAt) && time.isBefore(issueEndsAt);
    }

    public boolean soldOut() {
        return remaining <= 0;
    }

    /** This campaign after issuing one more coupon. */
    public Campaign withOneMoreIssued(Instant now) {
        return new Campaign(campaignId, name, discountType, discountValue, maxDiscount, minOrderAmount,
                totalQuantity, issuedCount + 1, 0, issueStartsAt, issueEndsAt, couponValidDays, definedAt, now);
    }
}
