package dev.kadence.local;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** An admin connection to the local broker: is it up, which topics exist, create the missing ones. */
final class KafkaAdmin implements AutoCloseable {

    private final Admin admin;

    KafkaAdmin(String bootstrap) {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "kadence-local",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

    /** True once the broker answers a describeCluster with at least one node. */
    boolean clusterAnswers() {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        }
    }

    Set<String> topicNames() {
        return get(admin.listTopics().names());
    }

    /** Creates the topics that do not exist yet (replication factor 1: there is one broker); returns them. */
    List<String> createMissing(Collection<String> topics, int partitions) {
        Set<String> existing = topicNames();
        List<String> missing = topics.stream().filter(topic -> !existing.contains(topic)).toList();
        if (missing.isEmpty()) {
            return missing;
        }
        List<NewTopic> newTopics = missing.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList();
        try {
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StartupFailure("cannot create the Kafka topics " + missing + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new StartupFailure("creating the Kafka topics " + missing + " took over 30 s", e);
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        }
        return missing;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupFailure("the Kafka broker did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
