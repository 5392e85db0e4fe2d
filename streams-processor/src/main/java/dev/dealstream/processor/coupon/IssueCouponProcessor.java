package dev.dealstream.processor.coupon;

import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.KeyFilteredStore;
import dev.dealstream.processor.user.RegisteredUsers;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues coupons first come, first served: every request for a campaign reaches this task in the
 * order of its partition, so the quota and the one-per-user rule hold exactly. An issued coupon goes
 * to {@code coupon.issued}, keyed by its user, in the same transaction as the decision.
 */
final class IssueCouponProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(IssueCouponProcessor.class);

    private final CommandPipeline<IssueCoupon> pipeline;
    private final JsonSerde<Coupon> couponJson = JsonSerde.of(Coupon.class);
    private KeyValueStore<String, Campaign> campaigns;
    /** Filtered: a user asking for the first time, nearly every request of a rush, costs no lookup. */
    private KeyFilteredStore holders;
    private final RegisteredUsers registeredUsers;

    IssueCouponProcessor(CommandTask task, Duration requestRetention, RegisteredUsers registeredUsers) {
        this.pipeline = new CommandPipeline<>(IssueCoupon.class, command -> command.campaignId().key(), task, requestRetention);
        this.registeredUsers = registeredUsers;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        pipeline.init(context);
        campaigns = context.getStateStore(CouponTopology.CAMPAIGNS);
        holders = KeyFilteredStore.load(context.getStateStore(CouponTopology.HOLDERS));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        pipeline.process(record, this::issue);
    }

    private Outcome issue(IssueCoupon command, Instant now) {
        String campaignKey = command.campaignId().key();
        String holderKey = CouponTopology.holderKey(command.campaignId(), command.userId());
        byte[] held = holders.get(holderKey);
        CampaignDecision decision = Campaigns.issue(campaigns.get(campaignKey),
                () -> registeredUsers.contains(command.userId()),
                held == null ? null : couponJson.deserialize(CouponTopology.HOLDERS, held), command, now);
        if (decision instanceof CampaignDecision.Issued issued) {
            campaigns.put(campaignKey, issued.campaign());
            holders.put(holderKey, couponJson.serialize(CouponTopology.HOLDERS, issued.coupon()));
            pipeline.emit(CouponTopology.ISSUED_SINK, command.userId().key(), issued.coupon());
            if (issued.campaign().soldOut()) {
                log.info("Campaign {} sold out: {} coupons issued", campaignKey, issued.campaign().issuedCount());
            }
            return Outcome.succeeded(command, issued.coupon(), now);
        }
        CampaignDecision.Refused refused = (CampaignDecision.Refused) decision;
        return Outcome.rejected(command, refused.code(), refused.detail(), refused.held(), now);
    }
}
