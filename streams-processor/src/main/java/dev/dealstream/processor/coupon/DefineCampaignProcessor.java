package dev.dealstream.processor.coupon;

import dev.dealstream.processor.support.CommandPipeline;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.request.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Defines and changes the campaigns this task owns, and publishes each new version to the catalog. */
final class DefineCampaignProcessor implements Processor<String, byte[], String, Object> {

    private final CommandPipeline<DefineCampaign> pipeline;
    private KeyValueStore<String, Campaign> campaigns;

    DefineCampaignProcessor(CommandTask task, Duration requestRetention) {
        this.pipeline = new CommandPipeline<>(DefineCampaign.class, command -> command.campaignId().key(), task, requestRetention);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        pipeline.init(context);
        campaigns = context.getStateStore(CouponTopology.CAMPAIGNS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        pipeline.process(record, this::define);
    }

    private Outcome define(DefineCampaign command, Instant now) {
        String key = command.campaignId().key();
        CampaignDecision decision = Campaigns.define(campaigns.get(key), command, now);
        if (decision instanceof CampaignDecision.Defined defined) {
            campaigns.put(key, defined.campaign());
            pipeline.emit(CouponTopology.CAMPAIGNS_SINK, key, defined.campaign());
            return Outcome.succeeded(command, defined.campaign(), now);
        }
        CampaignDecision.Refused refused = (CampaignDecision.Refused) decision;
        return Outcome.rejected(command, refused.code(), refused.detail(), now);
    }
}
