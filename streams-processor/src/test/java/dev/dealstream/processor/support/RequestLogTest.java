package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.support.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request log with its in-memory filter of request ids, in a task of two command processors (as
 * registrations and charges share a user's task): a request id is decided once among them, for at
 * least the retention, also by a task started again on its restored log.
 */
class RequestLogTest {

    private static final CommandTask TASK = new CommandTask("test");
    private static final Duration RETENTION = TopologySettings.DEFAULT.requestRetention();
    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");

    private final TopologyTestDriver driver = new TopologyTestDriver(topology(), TopologyFixture.driverProperties(), START);
    private final TestInputTopic<String, String> charges =
            driver.createInputTopic("test.charges", new StringSerializer(), new StringSerializer());
    private final TestInputTopic<String, String> registrations =
            driver.createInputTopic("test.registrations", new StringSerializer(), new StringSerializer());
    private final TestOutputTopic<String, Outcome> outcomes =
            driver.createOutputTopic(Topics.REQUEST_OUTCOMES, new StringDeserializer(), JsonSerde.of(Outcome.class));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void itsChangelogIsDeletedByTimeAndNeverCompacted() {
        assertThat(RequestLog.storeBuilder("test-log", RETENTION).logConfig())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void aRequestIdIsDecidedOnceAndAnsweredAgainWithTheSameOutcome() {
        charges.pipeInput("r-1", "charge", START);
        charges.pipeInput("r-2", "charge", START);
        charges.pipeInput("r-1", "charge", START);

        List<TestRecord<String, Outcome>> published = outcomes.readRecordsToList();

        assertThat(published).extracting(TestRecord::key).containsExactly("r-1", "r-2", "r-1");
        assertThat(published).extracting(TopologyFixture::isReplay).containsExactly(false, false, true);
        assertThat(published.get(2).value()).isEqualTo(published.get(0).value());
    }

    @Test
    void theProcessorsOfOneTaskShareTheRequestIds() {
        charges.pipeInput("r-1", "charge", START);
        registrations.pipeInput("r-1", "registration", START);

        List<TestRecord<String, Outcome>> published = outcomes.readRecordsToList();

        assertThat(published).extracting(TopologyFixture::isReplay).containsExactly(false, true);
        assertThat(published.get(1).value().fingerprint()).isEqualTo("charge");
    }

    @Test
    void aRequestIdIsRememberedForTheRetentionAndForgottenWithinTwice() {
        charges.pipeInput("r-1", "charge", START);
        charges.pipeInput("r-2", "charge", START.plus(RETENTION));
        charges.pipeInput("r-1", "charge", START.plus(RETENTION));
        charges.pipeInput("r-3", "charge", START.plus(RETENTION.multipliedBy(2)));
        charges.pipeInput("r-1", "charge", START.plus(RETENTION.multipliedBy(2)));
        charges.pipeInput("r-2", "charge", START.plus(RETENTION.multipliedBy(2)));

        assertThat(outcomes.readRecordsToList()).extracting(TopologyFixture::isReplay)
                .containsExactly(false, false, true, false, false, true);
    }

    @Test
    void aTaskStartedAgainFindsTheRequestIdsOfItsRestoredLog() {
        for (int request = 1; request <= 2_000; request++) {
            charges.pipeInput("r-" + request, "charge", START);
        }
        charges.pipeInput("next-day", "charge", START.plus(RETENTION));
        WindowStore<String, byte[]> restored = driver.getWindowStore(TASK.requestLogStore());

        RequestIdFilter emptyFilter = new RequestIdFilter(TASK.requestIdsStore(), RETENTION);
        emptyFilter.init(new MockProcessorContext<>().getStateStoreContext(), emptyFilter);
        RequestLog restarted = new RequestLog(restored, emptyFilter, RETENTION, START.plus(RETENTION)::toEpochMilli);

        assertThat(restarted.find("r-1")).map(Outcome::fingerprint).contains("charge");
        assertThat(restarted.find("r-2000")).isPresent();
        assertThat(restarted.find("next-day")).isPresent();
        assertThat(restarted.find("r-2001")).isEmpty();
    }

    /** Refuses every new request, with the record's value as the fingerprint; answers a known one again. */
    private static final class Decider implements Processor<String, String, String, Object> {

        private TaskOutcomes outcomes;

        @Override
        public void init(ProcessorContext<String, Object> context) {
            outcomes = new TaskOutcomes(context, TASK, RETENTION);
        }

        @Override
        public void process(Record<String, String> record) {
            outcomes.find(record.key()).ifPresentOrElse(
                    known -> outcomes.replay(known, record.timestamp()),
                    () -> outcomes.decide(new Outcome.Rejected(record.key(), record.value(), ReasonCode.SOLD_OUT,
                            "refused", null, Instant.ofEpochMilli(record.timestamp())), record.timestamp()));
        }
    }

    private static Topology topology() {
        Topology topology = new Topology();
        topology.addSource("charges", new StringDeserializer(), new StringDeserializer(), "test.charges");
        topology.addSource("registrations", new StringDeserializer(), new StringDeserializer(), "test.registrations");
        topology.addProcessor("decide-charges", Decider::new, "charges");
        topology.addProcessor("decide-registrations", Decider::new, "registrations");
        TASK.addTo(topology, TopologySettings.DEFAULT, "decide-charges", "decide-registrations");
        return topology;
    }
}
