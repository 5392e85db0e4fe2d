package dev.dealstream.processor.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dealstream.processor.ProcessorTopology;
import dev.dealstream.processor.support.RequestLog;
import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.topics.HeaderNames;
import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.wallet.ChargeLimits;
import dev.dealstream.topics.wallet.ChargeResult;
import dev.dealstream.topics.wallet.ChargeWallet;
import dev.dealstream.topics.wallet.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WalletTopologyTest {

    private TopologyFixture fixture = new TopologyFixture(TopologySettings.DEFAULT);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void chargesARegisteredUsersWallet() {
        givenRegisteredUser(7);

        fixture.charge(7, "c1", 5_000);
        fixture.charge(7, "c2", 3_000);

        List<TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        assertThat(outcomes).extracting(TestRecord::key).containsExactly("c1", "c2");
        assertThat(outcomes.get(1).value()).isInstanceOfSatisfying(Outcome.Succeeded.class, succeeded ->
                assertThat(((ChargeResult) succeeded.result()).balance()).isEqualTo(8_000));
        assertThat(fixture.ledger.readValuesToList()).extracting(LedgerEntry::entryId, LedgerEntry::balanceAfter)
                .containsExactly(tuple("c1:charge", 5_000L),
                        tuple("c2:charge", 8_000L));
        assertThat(wallets().get("7").balance()).isEqualTo(8_000);
    }

    @Test
    void rejectsChargeBelowMinimumAndAboveTheLimitPerCharge() {
        givenRegisteredUser(7);

        fixture.charge(7, "low", 999);
        fixture.charge(7, "high", 1_000_001);

        assertThat(rejectionCodes(fixture.readOutcomes())).containsExactly(ReasonCode.INVALID_AMOUNT, ReasonCode.INVALID_AMOUNT);
        assertThat(fixture.ledger.isEmpty()).isTrue();
        assertThat(wallets().get("7").balance()).isZero();
    }

    @Test
    void rejectsChargeThatWouldPassTheBalanceCap() {
        fixture.close();
        fixture = new TopologyFixture(new TopologySettings(new ChargeLimits(1_000, 1_000_000, 1_500_000), Duration.ofDays(1), Duration.ofSeconds(10),
                TopologySettings.DEFAULT.rankingPublishInterval()));
        fixture.register(7, "reg-7");
        fixture.charge(7, "c1", 1_000_000);
        fixture.readOutcomes();

        fixture.charge(7, "c2", 500_001);
        fixture.charge(7, "c3", 500_000);

        List<TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        assertThat(outcomes.get(0).value()).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(ReasonCode.BALANCE_LIMIT_EXCEEDED));
        assertThat(outcomes.get(1).value()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(wallets().get("7").balance()).isEqualTo(1_500_000);
    }

    @Test
    void rejectsChargeForUnknownUser() {
        fixture.charge(99, "c1", 5_000);

        assertThat(rejectionCodes(fixture.readOutcomes())).containsExactly(ReasonCode.USER_NOT_FOUND);
        assertThat(fixture.ledger.isEmpty()).isTrue();
        assertThat(wallets().get("99")).isNull();
    }

    @Test
    void duplicateRequestIdIsAppliedOnceAndAnsweredWithTheFirstOutcome() {
        givenRegisteredUser(7);

        fixture.charge(7, "c1", 5_000);
        fixture.charge(7, "c1", 5_000);
        fixture.charge(7, "c1", 5_000);

        List<TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.stream().filter(record -> !TopologyFixture.isReplay(record))).hasSize(1);
        assertThat(outcomes).extracting(TestRecord::value).containsOnly(outcomes.get(0).value());
        assertThat(fixture.ledger.readValuesToList()).hasSize(1);
        assertThat(wallets().get("7").balance()).isEqualTo(5_000);
    }

    @Test
    void retryJustInsideTheRetentionGetsTheFirstOutcomeAcrossABucketEdge() {
        givenRegisteredUser(7);
        Instant lastSecondOfADay = Instant.parse("2026-11-21T23:59:59Z");

        chargeAt(lastSecondOfADay, "c1", 5_000);
        chargeAt(lastSecondOfADay.plus(Duration.ofDays(1)).minusMillis(1), "c1", 5_000);

        List<TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        assertThat(outcomes).hasSize(2);
        assertThat(TopologyFixture.isReplay(outcomes.get(1))).isTrue();
        assertThat(outcomes.get(1).value()).isEqualTo(outcomes.get(0).value());
        assertThat(wallets().get("7").balance()).isEqualTo(5_000);
    }

    @Test
    void requestIdIsForgottenOnceTwoRetentionsHavePassed() {
        givenRegisteredUser(7);
        Instant firstSecondOfADay = Instant.parse("2026-11-21T00:00:01Z");

        chargeAt(firstSecondOfADay, "c1", 5_000);
        chargeAt(firstSecondOfADay.plus(Duration.ofDays(2)), "c1", 5_000);

        List<TestRecord<String, Outcome>> outcomes = fixture.readOutcomes();
        assertThat(outcomes).noneMatch(TopologyFixture::isReplay);
        assertThat(wallets().get("7").balance()).isEqualTo(10_000);
    }

    @Test
    void reusedRequestIdWithAnotherAmountChangesNothingAndRepeatsTheFirstFingerprint() {
        fixture.register(7, "reg-7");
        fixture.charge(7, "c1", 5_000);
        fixture.readOutcomes();

        fixture.charge(7, "c1", 9_000);

        TestRecord<String, Outcome> replay = fixture.readOutcomes().get(0);
        assertThat(TopologyFixture.isReplay(replay)).isTrue();
        assertThat(replay.value().fingerprint())
                .isEqualTo(new ChargeWallet("c1", new UserId(7), 5_000, TopologyFixture.START).fingerprint());
        assertThat(wallets().get("7").balance()).isEqualTo(5_000);
    }

    @Test
    void malformedCommandIsDeadLetteredAndTheNextOneIsProcessed() {
        givenRegisteredUser(7);

        fixture.rawWalletCommands.pipeInput("7", "{\"amount\": \"lots\"".getBytes(StandardCharsets.UTF_8));
        fixture.charge(7, "c1", 5_000);

        TestRecord<String, byte[]> deadLetter = fixture.walletDeadLetters.readRecord();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\": \"lots\"");
        assertThat(deadLetter.headers().lastHeader(HeaderNames.DLQ_REASON)).isNotNull();
        assertThat(new String(deadLetter.headers().lastHeader(HeaderNames.DLQ_SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo("wallet.commands");
        assertThat(fixture.readOutcomes()).extracting(TestRecord::key).containsExactly("c1");
        assertThat(wallets().get("7").balance()).isEqualTo(5_000);
    }

    @Test
    void commandUnderAnotherUsersKeyIsDeadLettered() {
        givenRegisteredUser(7);

        fixture.walletCommands.pipeInput("8",
                new ChargeWallet("c1", new UserId(7), 5_000, TopologyFixture.START));

        assertThat(fixture.walletDeadLetters.readRecordsToList()).hasSize(1);
        assertThat(fixture.readOutcomes()).isEmpty();
        assertThat(wallets().get("7").balance()).isZero();
    }

    @Test
    void outcomesCanBeFoundByRequestIdInTheRequestLogTheQueryApiAsks() {
        fixture.register(7, "reg-7");
        fixture.charge(7, "c1", 5_000);

        assertThat(QueryableStores.REQUEST_LOGS).contains(ProcessorTopology.ACCOUNT_TASK.requestLogStore());
        WindowStore<String, byte[]> byRequest = fixture.driver.getWindowStore(ProcessorTopology.ACCOUNT_TASK.requestLogStore());
        try (var found = byRequest.fetch("c1", 0L, Long.MAX_VALUE)) {
            assertThat(RequestLog.outcomeOf(byRequest.name(), found.next().value)).isInstanceOf(Outcome.Succeeded.class);
            assertThat(found.hasNext()).isFalse();
        }
    }

    /** A charge of user 7 whose record carries {@code time}, the stream time the request log goes by. */
    private void chargeAt(Instant time, String requestId, long amount) {
        fixture.walletCommands.pipeInput("7", new ChargeWallet(requestId, new UserId(7), amount, time), time);
    }

    /** Registers the user and drops the registration's outcome, so a test reads only its own. */
    private void givenRegisteredUser(long userId) {
        fixture.register(userId, "reg-" + userId);
        fixture.readOutcomes();
    }

    private KeyValueStore<String, Wallet> wallets() {
        return fixture.driver.getKeyValueStore(WalletTopology.WALLETS);
    }

    private static List<ReasonCode> rejectionCodes(List<TestRecord<String, Outcome>> outcomes) {
        return outcomes.stream().map(record -> ((Outcome.Rejected) record.value()).code()).toList();
    }
}
