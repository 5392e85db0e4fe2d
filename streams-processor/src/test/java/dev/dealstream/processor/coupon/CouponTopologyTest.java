package dev.dealstream.processor.coupon;

import static dev.dealstream.processor.support.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.CouponStatus;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.coupon.UserCoupon;
import dev.dealstream.topics.request.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CouponTopologyTest {

    private static final long CAMPAIGN = 70;

    private final TopologyFixture fixture = new TopologyFixture(TopologySettings.DEFAULT);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void lastCouponGoesToExactlyOneUserAndTheNextIsSoldOut() {
        givenUsers(1, 2, 3, 4);
        givenCampaign(3);

        for (long user = 1; user <= 4; user++) {
            fixture.issue(CAMPAIGN, user, "issue-" + user, START);
        }

        List<Outcome> outcomes = outcomeValues();
        assertThat(outcomes.subList(0, 3)).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Outcome.Succeeded.class));
        assertThat(codeOf(outcomes.get(3))).isEqualTo(ReasonCode.SOLD_OUT);
        assertThat(fixture.issuedCoupons.readValuesToList()).extracting(Coupon::couponId, coupon -> coupon.userId().value())
                .containsExactly(tuple("70-1", 1L),
                        tuple("70-2", 2L),
                        tuple("70-3", 3L));
        Campaign campaign = campaigns().get("70");
        assertThat(campaign.issuedCount()).isEqualTo(3);
        assertThat(campaign.remaining()).isZero();
    }

    @Test
    void aUserAskingAgainIsToldWhichCouponTheyHoldEvenAfterSoldOut() {
        givenUsers(1);
        givenCampaign(1);
        fixture.issue(CAMPAIGN, 1, "first", START);
        Coupon issued = ((Coupon) ((Outcome.Succeeded) outcomeValues().get(0)).result());

        fixture.issue(CAMPAIGN, 1, "again", START.plusSeconds(1));

        Outcome again = outcomeValues().get(0);
        assertThat(again).isInstanceOfSatisfying(Outcome.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(ReasonCode.ALREADY_ISSUED);
            assertThat(rejected.existing()).isEqualTo(issued);
        });
        assertThat(fixture.issuedCoupons.readValuesToList()).hasSize(1);
        assertThat(campaigns().get("70").issuedCount()).isEqualTo(1);
    }

    @Test
    void aRetriedRequestIdGetsTheFirstOutcomeAndNoSecondCoupon() {
        givenUsers(1, 2);
        givenCampaign(1);

        fixture.issue(CAMPAIGN, 1, "key-1", START);
        fixture.issue(CAMPAIGN, 2, "key-2", START);
        fixture.issue(CAMPAIGN, 1, "key-1", START);
        fixture.issue(CAMPAIGN, 2, "key-2", START);

        List<TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        assertThat(outcomes).extracting(TestRecord::key).containsExactly("key-1", "key-2", "key-1", "key-2");
        assertThat(outcomes.get(2).value()).isEqualTo(outcomes.get(0).value());
        assertThat(outcomes.get(3).value()).isEqualTo(outcomes.get(1).value());
        assertThat(codeOf(outcomes.get(3).value())).isEqualTo(ReasonCode.SOLD_OUT);
        assertThat(outcomes).extracting(TopologyFixture::isReplay).containsExactly(false, false, true, true);
        assertThat(fixture.issuedCoupons.readValuesToList()).hasSize(1);
    }

    @Test
    void issuesFromTheFirstInstantOfTheWindowUntilJustBeforeItsEnd() {
        givenUsers(1, 2, 3, 4);
        givenCampaign(10);
        Instant end = START.plus(Duration.ofDays(1));

        fixture.issue(CAMPAIGN, 1, "too-early", START.minusMillis(1));
        fixture.issue(CAMPAIGN, 2, "at-start", START);
        fixture.issue(CAMPAIGN, 3, "just-before-end", end.minusMillis(1));
        fixture.issue(CAMPAIGN, 4, "at-end", end);

        List<Outcome> outcomes = outcomeValues();
        assertThat(codeOf(outcomes.get(0))).isEqualTo(ReasonCode.CAMPAIGN_NOT_ACTIVE);
        assertThat(outcomes.get(1)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(outcomes.get(2)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(codeOf(outcomes.get(3))).isEqualTo(ReasonCode.CAMPAIGN_NOT_ACTIVE);
        assertThat(campaigns().get("70").issuedCount()).isEqualTo(2);
    }

    @Test
    void refusesUnknownUsersAndUnknownCampaigns() {
        givenUsers(1);
        givenCampaign(10);

        fixture.issue(CAMPAIGN, 99, "unknown-user", START);
        fixture.issue(71, 1, "unknown-campaign", START);

        List<Outcome> outcomes = outcomeValues();
        assertThat(codeOf(outcomes.get(0))).isEqualTo(ReasonCode.USER_NOT_FOUND);
        assertThat(codeOf(outcomes.get(1))).isEqualTo(ReasonCode.CAMPAIGN_NOT_FOUND);
        assertThat(fixture.issuedCoupons.isEmpty()).isTrue();
        assertThat(campaigns().get("70").issuedCount()).isZero();
    }

    @Test
    void raisingTheQuantityMidCampaignIssuesMoreAndLoweringBelowIssuedIsRefused() {
        givenUsers(1, 2, 3);
        givenCampaign(1);
        fixture.issue(CAMPAIGN, 1, "issue-1", START);
        fixture.issue(CAMPAIGN, 2, "issue-2", START);

        fixture.defineCampaign(TopologyFixture.campaign("raise", CAMPAIGN, 2));
        fixture.issue(CAMPAIGN, 2, "issue-2-again", START);
        fixture.issue(CAMPAIGN, 3, "issue-3", START);
        fixture.defineCampaign(TopologyFixture.campaign("lower", CAMPAIGN, 1));

        List<Outcome> outcomes = outcomeValues();
        assertThat(outcomes).extracting(CouponTopologyTest::codeOf).containsExactly(
                null, ReasonCode.SOLD_OUT, null, null, ReasonCode.SOLD_OUT, ReasonCode.QUANTITY_BELOW_ISSUED);
        Campaign campaign = campaigns().get("70");
        assertThat(campaign.totalQuantity()).isEqualTo(2);
        assertThat(campaign.issuedCount()).isEqualTo(2);
        assertThat(fixture.campaigns.readValuesToList()).extracting(Campaign::totalQuantity).containsExactly(1, 2);
    }

    @Test
    void loweringTheQuantityToWhatWasIssuedClosesTheCampaign() {
        givenUsers(1, 2);
        givenCampaign(5);
        fixture.issue(CAMPAIGN, 1, "issue-1", START);

        fixture.defineCampaign(TopologyFixture.campaign("lower", CAMPAIGN, 1));
        fixture.issue(CAMPAIGN, 2, "issue-2", START);

        List<Outcome> outcomes = outcomeValues();
        assertThat(outcomes.get(1)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(codeOf(outcomes.get(2))).isEqualTo(ReasonCode.SOLD_OUT);
    }

    @Test
    void refusesAnInvalidDefinitionAndKeepsNothing() {
        DefineCampaign invalid = new DefineCampaign("bad", new CampaignId(CAMPAIGN), "bad",
                DiscountType.PERCENT, 101, null, 0, 10, START, START.plusSeconds(60), 7, START);

        fixture.defineCampaign(invalid);

        assertThat(codeOf(outcomeValues().get(0))).isEqualTo(ReasonCode.INVALID_CAMPAIGN);
        assertThat(campaigns().get("70")).isNull();
        assertThat(fixture.campaigns.isEmpty()).isTrue();
    }

    @Test
    void issuedCouponsLandInTheUsersBookAndExpireAfterTheirValidity() {
        givenUsers(1);
        givenCampaign(10);

        fixture.issue(CAMPAIGN, 1, "issue-1", START);

        List<KeyValue<String, HeldCoupon>> held = new ArrayList<>();
        try (KeyValueIterator<String, HeldCoupon> all = heldCoupons().all()) {
            all.forEachRemaining(held::add);
        }
        assertThat(held).extracting(entry -> entry.key, entry -> entry.value.view(START).status())
                .containsExactly(tuple("1:70-1", CouponStatus.AVAILABLE));
        HeldCoupon coupon = heldCoupons().get(CouponTopology.heldCouponKey(new UserId(1), "70-1"));
        Instant expiry = START.plus(Duration.ofDays(7));
        assertThat(coupon.view(expiry.minusMillis(1)).status()).isEqualTo(CouponStatus.AVAILABLE);
        assertThat(coupon.view(expiry).status()).isEqualTo(CouponStatus.EXPIRED);
    }

    @Test
    void aUsersCouponsAreOneKeyRangeListedOldestFirst() {
        givenUsers(1, 12);
        givenCampaign(10);
        fixture.defineCampaign(TopologyFixture.campaign("define-71", 71, 10));

        fixture.issue(71, 1, "issue-71-1", START);
        fixture.driver.advanceWallClockTime(Duration.ofSeconds(1));
        fixture.issue(CAMPAIGN, 12, "issue-70-12", START);
        fixture.issue(CAMPAIGN, 1, "issue-70-1", START);

        RangeQuery<String, HeldCoupon> ofUser1 = CouponTopology.heldCouponsOf(new UserId(1));
        List<HeldCoupon> held = new ArrayList<>();
        try (KeyValueIterator<String, HeldCoupon> range =
                     heldCoupons().range(ofUser1.getLowerBound().orElseThrow(), ofUser1.getUpperBound().orElseThrow())) {
            range.forEachRemaining(entry -> held.add(entry.value));
        }
        assertThat(HeldCoupon.view(new UserId(1), held, START).coupons()).extracting(UserCoupon::couponId)
                .containsExactly("71-1", "70-2");
    }

    @Test
    void aMalformedIssueRequestIsDeadLetteredAndTheNextIsDecided() {
        givenUsers(1);
        givenCampaign(10);

        fixture.rawIssueRequests.pipeInput("70", "{\"requestId\":\"r\",\"campaignId\":70}".getBytes(StandardCharsets.UTF_8));
        fixture.issue(CAMPAIGN, 1, "valid", START);

        assertThat(fixture.issueDeadLetters.readKeyValuesToList()).hasSize(1);
        assertThat(fixture.readOutcomes()).extracting(TestRecord::key).containsExactly("valid");
        assertThat(campaigns().get("70").issuedCount()).isEqualTo(1);
    }

    private void givenUsers(long... users) {
        for (long user : users) {
            fixture.register(user, "reg-" + user);
        }
        givenNoOutcomesYet();
    }

    private void givenCampaign(int quantity) {
        fixture.defineCampaign(TopologyFixture.campaign("define-" + CAMPAIGN, CAMPAIGN, quantity));
        givenNoOutcomesYet();
    }

    private void givenNoOutcomesYet() {
        fixture.readOutcomes();
    }

    private List<Outcome> outcomeValues() {
        return fixture.readOutcomes().stream().map(TestRecord::value).toList();
    }

    private static ReasonCode codeOf(Outcome outcome) {
        return outcome instanceof Outcome.Rejected rejected ? rejected.code() : null;
    }

    private KeyValueStore<String, Campaign> campaigns() {
        return fixture.driver.getKeyValueStore(CouponTopology.CAMPAIGNS);
    }

    private KeyValueStore<String, HeldCoupon> heldCoupons() {
        return fixture.driver.getKeyValueStore(CouponTopology.HELD_COUPONS);
    }
}
