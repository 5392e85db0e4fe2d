package dev.dealstream.processor.coupon;

import dev.dealstream.processor.support.CommandSource;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.user.RegisteredUsers;
import dev.dealstream.processor.user.UserTopology;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.support.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.state.Stores;

/**
 * Coupons in two tasks. The campaign's task ({@code coupon.campaign-commands} and
 * {@code coupon.issue-requests}, keyed by campaignId) decides definitions and issues; each issued
 * coupon then travels on {@code coupon.issued}, keyed by userId, into the user's coupon book.
 */
public final class CouponTopology {

    /** The campaign commands and issue requests share one task per campaign partition. */
    public static final CommandTask CAMPAIGN_TASK = new CommandTask("campaign");
    /** Campaigns with their issued counts, by campaignId. */
    public static final String CAMPAIGNS = QueryableStores.COUPON_CAMPAIGNS;
    /** The coupon each user holds of each campaign, as JSON, by {@link #holderKey}. */
    static final String HOLDERS = "coupon-holders";
    /** The coupons users hold, one entry per coupon, by {@link #heldCouponKey}. */
    public static final String HELD_COUPONS = QueryableStores.HELD_COUPONS;
    public static final String DEFINE_PROCESSOR = "define-campaign-processor";
    public static final String ISSUE_PROCESSOR = "issue-coupon-processor";
    static final String RECEIVE_PROCESSOR = "receive-coupon-processor";
    static final String CAMPAIGNS_SINK = "catalog-coupon-campaigns-sink";
    static final String ISSUED_SINK = "coupon-issued-sink";

    private CouponTopology() {
    }

    /** @param registeredUsers who may be issued a coupon, from {@code RegisteredUsersTopology} */
    public static void addTo(Topology topology, TopologySettings settings, RegisteredUsers registeredUsers) {
        CommandSource.add(topology, Topics.CAMPAIGN_COMMANDS, DEFINE_PROCESSOR,
                () -> new DefineCampaignProcessor(CAMPAIGN_TASK, settings.requestRetention()));
        CommandSource.add(topology, Topics.COUPON_ISSUE_REQUESTS, ISSUE_PROCESSOR,
                () -> new IssueCouponProcessor(CAMPAIGN_TASK, settings.requestRetention(), registeredUsers));
        // cached: every request of a rush reads its campaign; the price, one more round trip to the broker
        // per commit while the campaign issues, is paid for one task only (docs/architecture.md)
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CAMPAIGNS),
                Serdes.String(), JsonSerde.of(Campaign.class)).withCachingEnabled(), DEFINE_PROCESSOR, ISSUE_PROCESSOR);
        // raw JSON: the issue processor reads every key when its task starts, and parses only a coupon it answers with
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOLDERS),
                Serdes.String(), Serdes.ByteArray()), ISSUE_PROCESSOR);
        CAMPAIGN_TASK.addTo(topology, settings, DEFINE_PROCESSOR, ISSUE_PROCESSOR);
        topology.addSink(CAMPAIGNS_SINK, Topics.COUPON_CAMPAIGNS,
                new StringSerializer(), JsonSerde.of(Campaign.class), DEFINE_PROCESSOR);
        topology.addSink(ISSUED_SINK, Topics.COUPON_ISSUED, new StringSerializer(), JsonSerde.of(Coupon.class), ISSUE_PROCESSOR);
        addUserCoupons(topology);
    }

    private static void addUserCoupons(Topology topology) {
        CommandSource.add(topology, Topics.COUPON_ISSUED, RECEIVE_PROCESSOR, ReceiveCouponProcessor::new);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_COUPONS),
                Serdes.String(), JsonSerde.of(HeldCoupon.class)), RECEIVE_PROCESSOR);
        // in the user's task: a user's coupons sit beside the user and the wallet, where orders use them
        topology.connectProcessorAndStateStores(RECEIVE_PROCESSOR, UserTopology.USERS);
    }

    /**
     * The key of a coupon in the users' coupons store: the user's key first, so that one user's coupons
     * are one key range ({@link #heldCouponsOf}).
     */
    public static String heldCouponKey(UserId user, String couponId) {
        return user.key() + ":" + couponId;
    }

    /** The query for all of {@code user}'s coupons in the users' coupons store. */
    static RangeQuery<String, HeldCoupon> heldCouponsOf(UserId user) {
        // ';' is the character after ':', and no key is "<user>;": the range is exactly the keys "<user>:..."
        return RangeQuery.withRange(user.key() + ":", user.key() + ";");
    }

    /** The key of a (campaign, user) pair in the holders store. */
    static String holderKey(CampaignId campaign, UserId user) {
        return campaign.key() + ":" + user.key();
    }
}
