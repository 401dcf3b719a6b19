package dev.kadence.notify;

import dev.kadence.core.activity.Activity;
import dev.kadence.core.activity.ActivityEntry;
import dev.kadence.core.activity.ActivityEntry.Change;
import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.testing.EventProbe;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.KafkaSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity log as notify writes it: task events made by core's task service, read back from the real broker and
 * posted to {@code /events} exactly as the KafkaSource on {@code task-events} posts them, then read as task-crud reads it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityLogTest implements TestPropertyProvider {
    private EventProbe probe;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Tasks tasks;
    @Inject
    Activity activity;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @BeforeAll
    void listen() {
        probe = new EventProbe(List.of(Topics.TASK_EVENTS), () -> fixtures.count("select count(*) from outbox") == 0);
    }

    @AfterAll
    void close() {
        probe.close();
    }

    @Test
    void anUpdateIsAnEntryWithEachChangedFieldFromOldToNew() {
        UUID user = fixtures.user("UTC");
        TaskView task = fixtures.task(user, """
            {"title": "Pay rent", "priority": "high", "tags": ["home"], "due_at": "2027-01-08T14:00:00Z"}""");
        tasks.update(user, task.id(), TaskRequests.patch(tree("""
            {"priority": "low", "due_at": "2027-01-09T09:00:00Z", "add_tags": ["money"]}""")));
        tasks.complete(user, task.id());

        deliverAll(task);

        List<ActivityEntry> entries = entries(user, task);
        assertThat(entries).extracting(ActivityEntry::type).containsExactly("completed", "updated", "created");
        assertThat(entries.get(1).changes()).containsExactly(
            new Change("priority", "high", "low"),
            new Change("tags", "home", "home, money"),
            new Change("due_at", "2027-01-08T14:00:00Z", "2027-01-09T09:00:00Z"));
        assertThat(entries.get(1).actor()).as("the function that published it: here, this test's").isEqualTo("notify");
        assertThat(entries.get(2).changes()).contains(new Change("title", null, "Pay rent"), new Change("priority", null, "high"));
        assertThat(entries.get(0).changes()).extracting(Change::field).containsExactly("status", "completed_at");
    }

    @Test
    void anEventDeliveredTwiceIsOneEntry() {
        UUID user = fixtures.user("UTC");
        TaskView task = fixtures.task(user, """
            {"title": "Water the plants"}""");
        tasks.update(user, task.id(), TaskRequests.patch(tree("""
            {"title": "Water the plants and the garden"}""")));
        List<ConsumerRecord<String, byte[]>> events = events(task);

        for (ConsumerRecord<String, byte[]> event : events) {
            assertThat(relay(event)).isEqualTo(200);
            assertThat(relay(event)).isEqualTo(200);
        }

        List<ActivityEntry> entries = entries(user, task);
        assertThat(entries).extracting(ActivityEntry::type).containsExactly("updated", "created");
        assertThat(entries.get(0).changes()).containsExactly(
            new Change("title", "Water the plants", "Water the plants and the garden"));
    }

    @Test
    void aDeletedTasksHistoryStaysAndItsSnapshotGoes() {
        UUID user = fixtures.user("UTC");
        TaskView task = fixtures.task(user, """
            {"title": "Old idea"}""");
        tasks.delete(user, task.id());

        deliverAll(task);

        assertThat(entries(user, task)).extracting(ActivityEntry::type).containsExactly("deleted", "created");
        assertThat(fixtures.count("select count(*) from activity_snapshots where task_id = ?", task.id())).isZero();
    }

    @Test
    void aRestoredTaskIsAnEntryAndItsHistoryGoesOn() {
        UUID user = fixtures.user("UTC");
        TaskView task = fixtures.task(user, """
            {"title": "Second thoughts"}""");
        tasks.delete(user, task.id());
        tasks.restore(user, task.id());
        tasks.update(user, task.id(), TaskRequests.patch(tree("""
            {"title": "Third thoughts"}""")));

        deliverAll(task);

        List<ActivityEntry> entries = entries(user, task);
        assertThat(entries).extracting(ActivityEntry::type).containsExactly("updated", "restored", "deleted", "created");
        assertThat(entries.get(0).changes()).containsExactly(new Change("title", "Second thoughts", "Third thoughts"));
    }

    private void deliverAll(TaskView task) {
        events(task).forEach(event -> assertThat(relay(event)).isEqualTo(200));
    }

    private List<ConsumerRecord<String, byte[]>> events(TaskView task) {
        probe.settle();
        return probe.all().stream()
            .filter(r -> task.id().toString().equals(EventProbe.header(r, "ce_subject")))
            .toList();
    }

    private List<ActivityEntry> entries(UUID user, TaskView task) {
        return activity.ofTask(user, task.id(), PageRequest.first(50)).items();
    }

    private int relay(ConsumerRecord<String, byte[]> record) {
        return KafkaSource.deliver(server.getURL() + "/events", EventProbe.deliveryHeaders(record),
            new String(record.value(), StandardCharsets.UTF_8)).statusCode();
    }

    private JsonNode tree(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
