package dev.dealstream.local.bench;

import dev.dealstream.topics.Command;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.support.Json;
import dev.dealstream.topics.user.RegisterUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes benchmark set-up and backlogs straight to the command topics, as the ingest API would write
 * them: millions of users registered over HTTP would take longer than the measurement itself.
 */
final class DirectCommands implements AutoCloseable {

    private final KafkaProducer<String, Command> producer;

    DirectCommands(String bootstrapServers) {
        Serializer<Command> json = (topic, command) -> Json.mapper().writeValueAsBytes(command);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), json);
    }

    void registerUser(String requestId, long user) {
        UserId id = new UserId(user);
        producer.send(new ProducerRecord<>(Topics.USER_COMMANDS, id.key(), new RegisterUser(requestId, id, "bench " + user, Instant.now())));
    }

    /** A 10 % campaign (at most 5,000 won off) issuing {@code quantity} coupons from now for a day. */
    void defineCampaign(String requestId, long campaign, int quantity) {
        Instant now = Instant.now();
        DefineCampaign command = new DefineCampaign(requestId, new CampaignId(campaign), "bench " + campaign,
                DiscountType.PERCENT, 10, 5_000L, 0, quantity, now.minusSeconds(60), now.plus(Duration.ofDays(1)), 7, now);
        producer.send(new ProducerRecord<>(Topics.CAMPAIGN_COMMANDS, command.campaignId().key(), command));
    }

    void send(String topic, String key, Command command) {
        producer.send(new ProducerRecord<>(topic, key, command));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
