package dev.dealstream.processor.support;

import dev.dealstream.processor.ProcessorTopology;
import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The production topology in a {@link TopologyTestDriver}, with typed access to its topics. */
public final class TopologyFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    public final TopologyTestDriver driver;
    public final TestInputTopic<String, RegisterUser> userCommands;
    public final TestInputTopic<String, ChargeWallet> walletCommands;
    public final TestInputTopic<String, byte[]> rawWalletCommands;
    public final TestOutputTopic<String, Outcome> outcomes;
    public final TestOutputTopic<String, LedgerEntry> ledger;
    public final TestOutputTopic<String, User> users;
    public final TestOutputTopic<String, byte[]> walletDeadLetters;
    public final TestInputTopic<String, DefineCampaign> campaignCommands;
    public final TestInputTopic<String, IssueCoupon> issueRequests;
    public final TestInputTopic<String, byte[]> rawIssueRequests;
    public final TestOutputTopic<String, Campaign> campaigns;
    public final TestOutputTopic<String, Coupon> issuedCoupons;
    public final TestOutputTopic<String, byte[]> issueDeadLetters;

    public TopologyFixture(TopologySettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString());
        driver = new TopologyTestDriver(ProcessorTopology.build(settings), props, START);
        StringSerializer keys = new StringSerializer();
        userCommands = driver.createInputTopic(Topics.USER_COMMANDS, keys, JsonSerde.of(RegisterUser.class));
        walletCommands = driver.createInputTopic(Topics.WALLET_COMMANDS, keys, JsonSerde.of(ChargeWallet.class));
        rawWalletCommands = driver.createInputTopic(Topics.WALLET_COMMANDS, keys, new ByteArraySerializer());
        campaignCommands = driver.createInputTopic(Topics.CAMPAIGN_COMMANDS, keys, JsonSerde.of(DefineCampaign.class));
        issueRequests = driver.createInputTopic(Topics.COUPON_ISSUE_REQUESTS, keys, JsonSerde.of(IssueCoupon.class));
        rawIssueRequests = driver.createInputTopic(Topics.COUPON_ISSUE_REQUESTS, keys, new ByteArraySerializer());
        StringDeserializer keyReader = new StringDeserializer();
        outcomes = driver.createOutputTopic(Topics.REQUEST_OUTCOMES, keyReader, JsonSerde.of(Outcome.class));
        ledger = driver.createOutputTopic(Topics.WALLET_LEDGER, keyReader, JsonSerde.of(LedgerEntry.class));
        users = driver.createOutputTopic(Topics.USERS, keyReader, JsonSerde.of(User.class));
        walletDeadLetters = driver.createOutputTopic(Topics.deadLetterTopicOf(Topics.WALLET_COMMANDS),
                keyReader, new ByteArrayDeserializer());
        campaigns = driver.createOutputTopic(Topics.COUPON_CAMPAIGNS, keyReader, JsonSerde.of(Campaign.class));
        issuedCoupons = driver.createOutputTopic(Topics.COUPON_ISSUED, keyReader, JsonSerde.of(Coupon.class));
        issueDeadLetters = driver.createOutputTopic(Topics.deadLetterTopicOf(Topics.COUPON_ISSUE_REQUESTS),
                keyReader, new ByteArrayDeserializer());
    }

    public void register(long userId, String requestId) {
        userCommands.pipeInput(Long.toString(userId), new RegisterUser(requestId, new UserId(userId), "user " + userId, START));
    }

    public void charge(long userId, String requestId, long amount) {
        walletCommands.pipeInput(Long.toString(userId), new ChargeWallet(requestId, new UserId(userId), amount, START));
    }

    /**
     * A 10 % campaign (capped at 5,000 won) issuing {@code quantity} coupons from {@link #START} for a
     * day, each valid for 7 days.
     */
    public static DefineCampaign campaign(String requestId, long campaignId, int quantity) {
        return new DefineCampaign(requestId, new CampaignId(campaignId), "campaign " + campaignId, DiscountType.PERCENT,
                10, 5_000L, 10_000, quantity, START, START.plus(Duration.ofDays(1)), 7, START);
    }

    public void defineCampaign(DefineCampaign command) {
        campaignCommands.pipeInput(command.campaignId().key(), command);
    }

    public void issue(long campaignId, long userId, String requestId, Instant acceptedAt) {
        issueRequests.pipeInput(Long.toString(campaignId),
                new IssueCoupon(requestId, new CampaignId(campaignId), new UserId(userId), acceptedAt));
    }

    /** The outcomes published since the last read, replays included. */
    public List<TestRecord<String, Outcome>> readOutcomes() {
        return outcomes.readRecordsToList();
    }

    public static boolean isReplay(TestRecord<String, ?> record) {
        return record.headers().lastHeader(HeaderNames.REPLAY) != null;
    }

    @Override
    public void close() {
        driver.close();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("dealstream-topology-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
