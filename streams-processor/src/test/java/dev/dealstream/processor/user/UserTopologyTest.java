package dev.dealstream.processor.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dealstream.processor.support.TopologyFixture;
import dev.dealstream.processor.support.TopologySettings;
import dev.dealstream.processor.wallet.Wallet;
import dev.dealstream.processor.wallet.WalletTopology;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.request.Outcome;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserTopologyTest {

    private final TopologyFixture fixture = new TopologyFixture(TopologySettings.DEFAULT);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void registrationOpensAnEmptyWalletAndPublishesTheUser() {
        fixture.register(7, "reg-7");

        assertThat(fixture.readOutcomes().get(0).value()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(fixture.users.readKeyValue().key).isEqualTo("7");
        assertThat(wallets().get("7")).isEqualTo(Wallet.openedFor(new UserId(7)));
    }

    @Test
    void renamingKeepsTheBalance() {
        fixture.register(7, "reg-7");
        fixture.charge(7, "c1", 5_000);

        fixture.userCommands.pipeInput("7", new RegisterUser("rename-7", new UserId(7), "Mina", TopologyFixture.START));

        assertThat(fixture.users.readValuesToList()).extracting(User::name).containsExactly("user 7", "Mina");
        assertThat(wallets().get("7").balance()).isEqualTo(5_000);
    }

    @Test
    void rejectsAnInvalidNameAndRegistersNothing() {
        fixture.userCommands.pipeInput("7", new RegisterUser("reg-7", new UserId(7), " ", TopologyFixture.START));

        assertThat(fixture.readOutcomes().get(0).value()).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(ReasonCode.INVALID_USER));
        assertThat(fixture.users.isEmpty()).isTrue();
        assertThat(wallets().get("7")).isNull();
    }

    private KeyValueStore<String, Wallet> wallets() {
        return fixture.driver.getKeyValueStore(WalletTopology.WALLETS);
    }
}
