package dev.dealstream.topics.support;

import dev.dealstream.topics.catalog.ProductView;
import dev.dealstream.topics.catalog.TimeSale;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.order.Order;
import dev.dealstream.topics.user.User;
import dev.dealstream.topics.wallet.ChargeResult;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.module.SimpleModule;

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
            .addModule(new SimpleModule("iso-instants")
                    .addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The same text as Jackson's own, written without {@code DateTimeFormatter} (see {@link IsoInstants}). */
    private static final class InstantWriter extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(IsoInstants.format(value));
        }
    }

    /** The usual UTC form read by hand; anything else (offsets, numbers) as Jackson reads it. */
    private static final class InstantReader extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Optional<Instant> parsed = IsoInstants.parse(parser.getString());
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
