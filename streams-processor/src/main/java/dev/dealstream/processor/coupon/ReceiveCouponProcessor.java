package dev.dealstream.processor.coupon;

import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.support.JsonSerde;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts each issued coupon into its user's coupons, in the user's task. Each coupon is its own entry,
 * so taking one in reads nothing but that (new) key, however many coupons the user holds.
 */
final class ReceiveCouponProcessor implements Processor<String, byte[], String, Object> {

    private final JsonSerde<Coupon> reader = JsonSerde.of(Coupon.class);
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, HeldCoupon> held;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        held = context.getStateStore(CouponTopology.HELD_COUPONS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<Coupon> read = DeadLetters.read(context, record, reader, coupon -> coupon.userId().key());
        if (read.isEmpty()) {
            return;
        }
        Coupon coupon = read.get();
        String key = CouponTopology.heldCouponKey(coupon.userId(), coupon.couponId());
        // a coupon arrives once; should it come again, what became of it (reserved, used) stands
        if (held.get(key) == null) {
            held.put(key, HeldCoupon.received(coupon));
        }
    }
}
