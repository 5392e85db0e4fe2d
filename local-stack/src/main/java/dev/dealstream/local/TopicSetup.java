package dev.dealstream.local;

import dev.dealstream.topics.TopicSpec;
import dev.dealstream.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates every Dealstream topic that does not exist yet, with its partitions and cleanup policy. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** @return the names of the topics it created (existing ones are left as they are) */
    public static List<String> createMissing(String bootstrapServers, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.all(partitions).stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> toNewTopic(spec, replicationFactor))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static NewTopic toNewTopic(TopicSpec spec, short replicationFactor) {
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.configs());
    }
}
