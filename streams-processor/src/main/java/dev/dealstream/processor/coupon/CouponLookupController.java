package dev.dealstream.processor.coupon;

import dev.dealstream.processor.support.InternalApi;
import dev.dealstream.processor.support.LocalStores;
import dev.dealstream.processor.support.StoreLookup;
import dev.dealstream.processor.user.UserTopology;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal: campaigns and users' coupons from this instance's stores, for the query API. */
@RestController
class CouponLookupController {

    private final LocalStores stores;

    CouponLookupController(LocalStores stores) {
        this.stores = stores;
    }

    @GetMapping("/internal/coupon-campaigns/{campaignId}")
    ResponseEntity<?> campaign(@PathVariable long campaignId) {
        CampaignId campaign = new CampaignId(campaignId);
        return InternalApi.answer(
                stores.query(CouponTopology.CAMPAIGNS, campaign.key(), KeyQuery.<String, Campaign>withKey(campaign.key())),
                Function.identity(), ReasonCode.CAMPAIGN_NOT_FOUND, "campaign " + campaign + " is not defined");
    }

    /** The user's coupons; the user's task holds both the user and the coupons. */
    @GetMapping("/internal/users/{userId}/coupons")
    ResponseEntity<?> coupons(@PathVariable long userId) {
        UserId user = new UserId(userId);
        String notRegistered = "user " + user + " is not registered";
        StoreLookup<User> registered = stores.query(UserTopology.USERS, user.key(), KeyQuery.<String, User>withKey(user.key()));
        if (!(registered instanceof StoreLookup.Found<User> known) || known.value() == null) {
            return InternalApi.answer(registered, Function.identity(), ReasonCode.USER_NOT_FOUND, notRegistered);
        }
        StoreLookup<List<HeldCoupon>> held = stores.query(CouponTopology.HELD_COUPONS, user.key(),
                CouponTopology.heldCouponsOf(user), CouponLookupController::readAll);
        Instant now = Instant.now();
        return InternalApi.answer(held, coupons -> HeldCoupon.view(user, coupons, now), ReasonCode.USER_NOT_FOUND, notRegistered);
    }

    private static List<HeldCoupon> readAll(KeyValueIterator<String, HeldCoupon> coupons) {
        try (coupons) {
            List<HeldCoupon> read = new ArrayList<>();
            coupons.forEachRemaining(entry -> read.add(entry.value));
            return read;
        }
    }
}
