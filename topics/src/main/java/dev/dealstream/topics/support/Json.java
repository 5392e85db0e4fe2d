package dev.dealstream.topics.support;

import dev.dealstream.topics.catalog.ProductView;
import dev.dealstream.topics.catalog.TimeSale;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.user.User;
import dev.dealstream.topics.wallet.ChargeResult;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/** The one JSON mapping of every record on every topic. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // a command missing a number must fail (and go to the dead-letter topic), not read as 0
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .registerSubtypes(
                    new NamedType(ChargeResult.class, "charge"),
                    new NamedType(User.class, "user"),
                    new NamedType(Campaign.class, "campaign"),
                    new NamedType(Coupon.class, "coupon"),
                    new NamedType(ProductView.class, "product"),
                    new NamedType(TimeSale.class, "timeSale"),
                    new NamedType(Order.class, "order"))
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
