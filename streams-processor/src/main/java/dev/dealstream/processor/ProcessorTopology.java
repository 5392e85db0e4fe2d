package dev.dealstream.processor;

import dev.dealstream.processor.catalog.ProductTopology;
import dev.dealstream.processor.coupon.CouponTopology;
import dev.dealstream.processor.order.OrderTopology;
import dev.dealstream.processor.ranking.RankingTopology;
import dev.dealstream.processor.support.CommandTask;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.user.RegisteredUsersTopology;
import dev.dealstream.processor.user.UserTopology;
import dev.dealstream.processor.wallet.WalletTopology;
import org.apache.kafka.streams.Topology;

/** The whole processor topology, exactly as production runs it and as the topology tests drive it. */
public final class ProcessorTopology {

    /** The commands keyed by userId (registrations, charges, orders) share one task per user partition. */
    public static final CommandTask ACCOUNT_TASK = new CommandTask("account");

    private ProcessorTopology() {
    }

    public static Topology build(TopologySettings settings) {
        Topology topology = new Topology();
        WalletTopology.addTo(topology, settings, ACCOUNT_TASK);
        UserTopology.addTo(topology, settings, ACCOUNT_TASK);
        CouponTopology.addTo(topology, settings, RegisteredUsersTopology.addTo(topology));
        ProductTopology.addTo(topology, settings);
        OrderTopology.addTo(topology, settings, ACCOUNT_TASK);
        ACCOUNT_TASK.addTo(topology, settings, WalletTopology.CHARGE_PROCESSOR, UserTopology.REGISTER_PROCESSOR,
                OrderTopology.PROCESSOR);
        RankingTopology.addTo(topology, settings);
        return topology;
    }
}
