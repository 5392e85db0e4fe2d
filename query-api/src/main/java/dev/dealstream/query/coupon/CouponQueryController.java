package dev.dealstream.query.coupon;

import dev.dealstream.query.support.ProcessorRouter;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.web.PathIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and users' coupons, each from the processor instance that owns it. */
@RestController
class CouponQueryController {

    private final ProcessorRouter router;

    CouponQueryController(ProcessorRouter router) {
        this.router = router;
    }

    /** The campaign's definition with {@code issuedCount} and {@code remaining}, from the campaign's task. */
    @GetMapping("/api/v1/coupon-campaigns/{campaignId}")
    ResponseEntity<?> campaign(@PathVariable String campaignId) {
        CampaignId campaign = PathIds.campaignId(campaignId);
        return router.lookup(QueryableStores.COUPON_CAMPAIGNS, campaign.key(),
                "/internal/coupon-campaigns/" + campaign.key()).relay();
    }

    /** The user's coupons with their status, from the user's task. */
    @GetMapping("/api/v1/users/{userId}/coupons")
    ResponseEntity<?> coupons(@PathVariable String userId) {
        UserId user = PathIds.userId(userId);
        return router.lookup(QueryableStores.USER_COUPONS, user.key(), "/internal/users/" + user.key() + "/coupons").relay();
    }
}
