package dev.dealstream.topics.order;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.dealstream.topics.Command;
import dev.dealstream.topics.UserId;

/** A command on {@code order.requests}, keyed by userId: the user's task owns the user's orders. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlaceOrder.class, name = "PLACE"),
        @JsonSubTypes.Type(value = CancelOrder.class, name = "CANCEL")
})
public sealed interface OrderCommand extends Command permits PlaceOrder, CancelOrder {

    UserId userId();
}
