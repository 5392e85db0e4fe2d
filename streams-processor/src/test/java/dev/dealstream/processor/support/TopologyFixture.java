package dev.dealstream.processor.support;

import dev.dealstream.processor.ProcessorTopology;
import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.DefineTimeSale;
import dev.dealstream.topics.catalog.Product;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.coupon.Campaign;
import dev.dealstream.topics.coupon.CampaignId;
import dev.dealstream.topics.coupon.Coupon;
import dev.dealstream.topics.coupon.DefineCampaign;
import dev.dealstream.topics.coupon.DiscountType;
import dev.dealstream.topics.coupon.IssueCoupon;
import dev.dealstream.topics.order.CancelOrder;
import dev.dealstream.topics.order.OrderCommand;
import dev.dealstream.topics.order.OrderEvent;
import dev.dealstream.topics.order.OrderId;
import dev.dealstream.topics.order.OrderLine;
import dev.dealstream.topics.order.PlaceOrder;
import dev.dealstream.topics.order.StockReply;
import dev.dealstream.topics.order.StockRequest;
import dev.dealstream.topics.ranking.PartitionTop;
import dev.dealstream.topics.ranking.PopularProducts;
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
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
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
    public final TestInputTopic<String, DefineProduct> productCommands;
    public final TestInputTopic<String, AdjustStock> stockAdjustments;
    public final TestInputTopic<String, DefineTimeSale> timeSaleCommands;
    public final TestInputTopic<String, Product> catalog;
    public final TestInputTopic<String, OrderCommand> orderRequests;
    public final TestInputTopic<String, byte[]> rawOrderRequests;
    public final TestInputTopic<String, StockReply> stockReplies;
    public final TestOutputTopic<String, StockRequest> stockRequests;
    public final TestOutputTopic<String, OrderEvent> orderEvents;
    public final TestOutputTopic<String, Product> products;
    /** {@code order.stock-requests} as input: saga steps sent straight to the products, as a test needs them. */
    public final TestInputTopic<String, StockRequest> stockRequestsIn;
    public final TestInputTopic<String, byte[]> rawStockRequests;
    public final TestOutputTopic<String, byte[]> stockRequestDeadLetters;
    /** {@code ranking.partition-tops} as input: the tops other instances' partitions publish. */
    public final TestInputTopic<String, PartitionTop> partitionTopsIn;
    public final TestOutputTopic<String, PartitionTop> partitionTops;
    public final TestOutputTopic<String, PopularProducts> popularProducts;

    public TopologyFixture(TopologySettings settings) {
        this(ProcessorTopology.build(settings));
    }

    /** {@code topology} instead of the production one, e.g. a part of it driven from outside. */
    public TopologyFixture(Topology topology) {
        driver = new TopologyTestDriver(topology, driverProperties(), START);
        StringSerializer keys = new StringSerializer();
        userCommands = driver.createInputTopic(Topics.USER_COMMANDS, keys, JsonSerde.of(RegisterUser.class));
        walletCommands = driver.createInputTopic(Topics.WALLET_COMMANDS, keys, JsonSerde.of(ChargeWallet.class));
        rawWalletCommands = driver.createInputTopic(Topics.WALLET_COMMANDS, keys, new ByteArraySerializer());
        campaignCommands = driver.createInputTopic(Topics.CAMPAIGN_COMMANDS, keys, JsonSerde.of(DefineCampaign.class));
        issueRequests = driver.createInputTopic(Topics.COUPON_ISSUE_REQUESTS, keys, JsonSerde.of(IssueCoupon.class));
        rawIssueRequests = driver.createInputTopic(Topics.COUPON_ISSUE_REQUESTS, keys, new ByteArraySerializer());
        productCommands = driver.createInputTopic(Topics.PRODUCT_COMMANDS, keys, JsonSerde.of(DefineProduct.class));
        stockAdjustments = driver.createInputTopic(Topics.STOCK_ADJUSTMENTS, keys, JsonSerde.of(AdjustStock.class));
        timeSaleCommands = driver.createInputTopic(Topics.TIME_SALE_COMMANDS, keys, JsonSerde.of(DefineTimeSale.class));
        catalog = driver.createInputTopic(Topics.PRODUCTS, keys, JsonSerde.of(Product.class));
        orderRequests = driver.createInputTopic(Topics.ORDER_REQUESTS, keys, JsonSerde.of(OrderCommand.class));
        rawOrderRequests = driver.createInputTopic(Topics.ORDER_REQUESTS, keys, new ByteArraySerializer());
        stockReplies = driver.createInputTopic(Topics.STOCK_REPLIES, keys, JsonSerde.of(StockReply.class));
        stockRequestsIn = driver.createInputTopic(Topics.STOCK_REQUESTS, keys, JsonSerde.of(StockRequest.class));
        rawStockRequests = driver.createInputTopic(Topics.STOCK_REQUESTS, keys, new ByteArraySerializer());
        partitionTopsIn = driver.createInputTopic(Topics.RANKING_PARTITION_TOPS, keys, JsonSerde.of(PartitionTop.class));
        StringDeserializer keyReader = new StringDeserializer();
        stockRequestDeadLetters = driver.createOutputTopic(Topics.deadLetterTopicOf(Topics.STOCK_REQUESTS),
                keyReader, new ByteArrayDeserializer());
        partitionTops = driver.createOutputTopic(Topics.RANKING_PARTITION_TOPS, keyReader, JsonSerde.of(PartitionTop.class));
        popularProducts = driver.createOutputTopic(Topics.POPULAR_PRODUCTS, keyReader, JsonSerde.of(PopularProducts.class));
        stockRequests = driver.createOutputTopic(Topics.STOCK_REQUESTS, keyReader, JsonSerde.of(StockRequest.class));
        orderEvents = driver.createOutputTopic(Topics.ORDER_EVENTS, keyReader, JsonSerde.of(OrderEvent.class));
        products = driver.createOutputTopic(Topics.PRODUCTS, keyReader, JsonSerde.of(Product.class));
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

    public void defineProduct(long productId, long price, String requestId) {
        productCommands.pipeInput(Long.toString(productId),
                new DefineProduct(requestId, new ProductId(productId), "product " + productId, price, START));
    }

    public void adjustStock(long productId, int quantity, String requestId) {
        stockAdjustments.pipeInput(Long.toString(productId), new AdjustStock(requestId, new ProductId(productId), quantity, START));
    }

    public void place(long userId, String requestId, String couponId, Instant acceptedAt, OrderLine... lines) {
        orderRequests.pipeInput(Long.toString(userId),
                new PlaceOrder(requestId, new UserId(userId), Arrays.asList(lines), couponId, acceptedAt));
    }

    public void cancel(String orderId, String requestId) {
        OrderId order = OrderId.parse(orderId);
        orderRequests.pipeInput(order.userId().key(), new CancelOrder(requestId, order, START));
    }

    public static OrderLine line(long productId, int quantity) {
        return new OrderLine(new ProductId(productId), quantity);
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

    /** A driver's configuration as the processor's: exactly-once, with its own state directory. */
    static Properties driverProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString());
        return props;
    }

    private static Path tempDir() {
        try {
            // the driver commits, and so flushes every RocksDB store, after each record: on tmpfs that costs no disk syncs
            Path memory = Path.of("/dev/shm");
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "dealstream-topology-test")
                    : Files.createTempDirectory("dealstream-topology-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
