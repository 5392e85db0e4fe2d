package dev.dealstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dealstream.topics.QueryableStores;
import dev.dealstream.topics.support.KeyPartitioner;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Two processor instances share the partitions; the query API finds each user's owner. */
class TwoProcessorsIT {

    private static SystemStack stack;
    private static String first;
    private static String second;
    private static String ingest;
    private static String query;

    @BeforeAll
    static void start() {
        stack = new SystemStack();
        ConfigurableApplicationContext one = stack.startProcessor("two-processors-1");
        ConfigurableApplicationContext two = stack.startProcessor("two-processors-2");
        first = SystemStack.urlOf(one);
        second = SystemStack.urlOf(two);
        // only the first is named: any instance tells where every partition lives
        query = SystemStack.urlOf(stack.startQuery(List.of(first)));
        ingest = SystemStack.urlOf(stack.startIngest(query));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void usersOnEitherInstanceAreChargedAndReadBackThroughTheQueryApi() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOfWallets().containsAll(List.of(first, second)));
        JsonNode owners = stack.http.get(first + "/internal/metadata/stores/" + QueryableStores.WALLETS).body().get("owners");
        Set<String> ownersOfOurUsers = new HashSet<>();

        for (long user = 2001; user <= 2040; user++) {
            assertThat(stack.http.put(ingest + "/api/v1/admin/users/" + user, "{\"name\":\"u" + user + "\"}").status()).isEqualTo(200);
            assertThat(stack.http.post(ingest + "/api/v1/wallets/" + user + "/charges", "{\"amount\":" + user * 10 + "}").status())
                    .isEqualTo(200);
            ownersOfOurUsers.add(owners.get(KeyPartitioner.partitionOf(Long.toString(user), SystemStack.PARTITIONS)).asString());
        }

        assertThat(ownersOfOurUsers).containsExactlyInAnyOrder(first, second);
        for (long user = 2001; user <= 2040; user++) {
            Http.Response wallet = stack.http.get(query + "/api/v1/wallets/" + user);
            assertThat(wallet.status()).isEqualTo(200);
            assertThat(wallet.body().get("balance").asLong()).isEqualTo(user * 10);
        }
    }

    @Test
    void anInstanceRefusesAKeyItDoesNotOwn() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ownersOfWallets().containsAll(List.of(first, second)));
        JsonNode owners = stack.http.get(first + "/internal/metadata/stores/" + QueryableStores.WALLETS).body().get("owners");
        long user = 2001;
        String owner = owners.get(KeyPartitioner.partitionOf(Long.toString(user), SystemStack.PARTITIONS)).asString();
        String other = owner.equals(first) ? second : first;

        Http.Response misdirected = stack.http.get(other + "/internal/wallets/" + user);

        assertThat(misdirected.status()).isEqualTo(421);
        assertThat(misdirected.code()).isEqualTo("NOT_OWNER");
    }

    private static Set<String> ownersOfWallets() {
        Http.Response metadata = stack.http.get(first + "/internal/metadata/stores/" + QueryableStores.WALLETS);
        Set<String> owners = new HashSet<>();
        if (metadata.status() == 200) {
            metadata.body().get("owners").forEach(owner -> owners.add(owner.isNull() ? "none" : owner.asString()));
        }
        return owners;
    }
}
