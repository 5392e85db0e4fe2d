package dev.dealstream.processor.coupon;

import dev.dealstream.processor.support.DeadLetters;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.support.JsonSerde;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Puts each issued coupon into its user's coupon book, in the user's task. */
final class ReceiveCouponProcessor implements Processor<String, byte[], String, Object> {

    private final JsonSerde<Coupon> reader = JsonSerde.of(Coupon.class);
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CouponBook> books;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        books = context.getStateStore(CouponTopology.USER_COUPONS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<Coupon> read = DeadLetters.read(context, record, reader, coupon -> coupon.userId().key());
        if (read.isEmpty()) {
            return;
        }
        Coupon coupon = read.get();
        CouponBook book = books.get(record.key());
        books.put(record.key(), (book == null ? CouponBook.empty(coupon.userId()) : book).receive(coupon));
    }
}
