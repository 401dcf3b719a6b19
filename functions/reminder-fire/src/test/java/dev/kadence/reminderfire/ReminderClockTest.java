package dev.kadence.reminderfire;

import dev.kadence.core.event.EventIds;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.core.reminder.Reminders;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.testing.EventProbe;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestClock;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.FakeDapr;
import dev.kadence.testkit.Http;
import dev.kadence.testkit.KafkaSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reminder-fire as the system's clock, driven as in production — task events posted as the KafkaSource posts them,
 * job callbacks as Dapr makes them, cron ticks as the binding sends them — against a fake Dapr sidecar and the test's
 * clock. What it publishes is read back from the real broker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderClockTest implements TestPropertyProvider {
    private static final Instant DUE = Instant.parse("2027-01-08T13:00:00Z");
    private static final Instant FIFTEEN_BEFORE = Instant.parse("2027-01-08T12:45:00Z");

    private final TestClock clock = new TestClock(DUE.minus(Duration.ofDays(1)));
    private final FakeDapr dapr = FakeDapr.shared();
    private EventProbe probe;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Tasks tasks;
    @Inject
    Reminders reminders;
    @Inject
    JsonMapper json;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return dapr.properties(TestInfra.properties());
    }

    @BeforeAll
    void listen() {
        probe = new EventProbe(List.of(Topics.REMINDERS, Topics.TASK_EVENTS), () -> count("select count(*) from outbox") == 0);
    }

    @BeforeEach
    void resetClock() {
        clock.set(DUE.minus(Duration.ofDays(1)));
    }

    @AfterAll
    void close() {
        probe.close();
    }

    @Test
    void aTaskEventKeepsOneJobPerPendingReminderAndOneAtAnOpenInstancesDueTime() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Weekly report", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=FR"},
             "reminders": [{"before_due": "PT15M"}]}""");
        UUID reminder = task.reminders().get(0).id();

        assertThat(deliver(EventTypes.TASK_CREATED, task)).isEqualTo(200);

        assertThat(dapr.jobs()).containsKeys("reminder-" + reminder, "due-" + task.id());
        assertThat(dapr.jobs().get("reminder-" + reminder)).containsEntry("dueTime", "2027-01-08T12:45:00+00:00");
        assertThat(dapr.jobs().get("due-" + task.id())).containsEntry("dueTime", "2027-01-08T13:00:00+00:00");

        reminders.cancel(user, reminder);
        TaskView stopped = tasks.stopRecurrence(user, task.id());
        deliver(EventTypes.TASK_UPDATED, stopped);
        assertThat(dapr.jobs()).doesNotContainKeys("reminder-" + reminder, "due-" + task.id());
    }

    @Test
    void aDeletedTasksJobsAreDeleted() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Dentist", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT1H"}]}""");
        deliver(EventTypes.TASK_CREATED, task);
        assertThat(dapr.jobs()).containsKey("reminder-" + task.reminders().get(0).id());

        tasks.delete(user, task.id());
        deliver(EventTypes.TASK_DELETED, task);

        assertThat(dapr.jobs()).doesNotContainKey("reminder-" + task.reminders().get(0).id());
    }

    @Test
    void aRestoredTasksJobsAreScheduledAgain() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Weekly report", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=FR"},
             "reminders": [{"before_due": "PT15M"}]}""");
        deliver(EventTypes.TASK_CREATED, task);
        tasks.delete(user, task.id());
        deliver(EventTypes.TASK_DELETED, task);
        assertThat(dapr.jobs()).doesNotContainKeys("reminder-" + task.reminders().get(0).id(), "due-" + task.id());

        TaskView restored = tasks.restore(user, task.id());
        assertThat(deliver(EventTypes.TASK_RESTORED, restored)).isEqualTo(200);

        UUID rearmed = restored.reminders().get(0).id();
        assertThat(dapr.jobs().get("reminder-" + rearmed)).containsEntry("dueTime", "2027-01-08T12:45:00+00:00");
        assertThat(dapr.jobs().get("due-" + task.id())).containsEntry("dueTime", "2027-01-08T13:00:00+00:00");
    }

    @Test
    void aReminderFiresOnceAtItsTimeWithAnIdDerivedFromWhatFired() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Call the bank", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        UUID reminder = task.reminders().get(0).id();

        clock.set(FIFTEEN_BEFORE.minusSeconds(60));
        assertThat(job("reminder-" + reminder)).as("a minute early").isEqualTo(200);
        assertThat(status(reminder)).isEqualTo("pending");

        clock.set(FIFTEEN_BEFORE.plusMillis(20));
        job("reminder-" + reminder);
        job("reminder-" + reminder);

        assertThat(status(reminder)).isEqualTo("fired");
        probe.settle();
        List<ConsumerRecord<String, byte[]>> due = probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, task.id().toString());
        assertThat(due).hasSize(1);
        assertThat(EventProbe.header(due.get(0), "ce_id")).isEqualTo(EventIds.of(EventTypes.REMINDER_DUE, reminder, FIFTEEN_BEFORE).toString());
        assertThat(new String(due.get(0).value())).contains("\"reminder_id\":\"" + reminder + "\"")
            .contains("\"title\":\"Call the bank\"").contains("\"fire_at\":\"2027-01-08T12:45:00Z\"")
            .contains("\"due_at\":\"2027-01-08T13:00:00Z\"");
    }

    @Test
    void aDoneTaskKeepsNoReminderJobsUntilItIsReopenedAndItsReminderIsSuppressedAtItsTime() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Renew passport", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        String job = "reminder-" + task.reminders().get(0).id();
        deliver(EventTypes.TASK_CREATED, task);
        assertThat(dapr.jobs()).containsKey(job);

        deliver(EventTypes.TASK_COMPLETED, tasks.complete(user, task.id()));
        assertThat(dapr.jobs()).as("completed: job deleted").doesNotContainKey(job);

        deliver(EventTypes.TASK_REOPENED, tasks.reopen(user, task.id()));
        assertThat(dapr.jobs()).as("reopened: job again").containsKey(job);

        deliver(EventTypes.TASK_COMPLETED, tasks.complete(user, task.id()));
        clock.set(FIFTEEN_BEFORE.minusSeconds(60));
        sweep();
        assertThat(dapr.jobs()).as("the sweep does not renew it").doesNotContainKey(job);
        clock.set(FIFTEEN_BEFORE.plusSeconds(1));
        sweep();
        assertThat(status(task.reminders().get(0).id())).isEqualTo("suppressed");
    }

    @Test
    void aReminderOfATaskDoneByItsTimeIsSuppressedAndPublishesNothing() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Pay rent", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        tasks.complete(user, task.id());
        clock.set(FIFTEEN_BEFORE);

        job("reminder-" + task.reminders().get(0).id());

        assertThat(status(task.reminders().get(0).id())).isEqualTo("suppressed");
        probe.settle();
        assertThat(probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, task.id().toString())).isEmpty();
    }

    @Test
    void theSweepFiresWhatIsWithinTheGracePeriodAndMarksOlderOnesMissed() {
        UUID user = user();
        TaskView recent = create(user, """
            {"title": "Recent", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        TaskView old = create(user, """
            {"title": "Old", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT1H"}]}""");
        clock.set(FIFTEEN_BEFORE.plus(Duration.ofMinutes(10)));     // 10 min after the first, 55 after the second

        assertThat(sweep()).isEqualTo(200);

        assertThat(status(recent.reminders().get(0).id())).isEqualTo("fired");
        assertThat(status(old.reminders().get(0).id())).isEqualTo("missed");
        probe.settle();
        assertThat(probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, recent.id().toString())).hasSize(1);
        assertThat(probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, old.id().toString())).isEmpty();
    }

    @Test
    void aJobAndSweepsRacingForOneReminderPublishOneEvent() throws Exception {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Race", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        clock.set(FIFTEEN_BEFORE.plusSeconds(1));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                boolean asJob = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return asJob ? job("reminder-" + task.reminders().get(0).id()) : sweep();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        probe.settle();
        assertThat(probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, task.id().toString())).hasSize(1);
    }

    @Test
    void anOpenInstancesDueTimeIsSignalledOnceByJobOrSweep() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Standup", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=DAILY"}}""");
        clock.set(DUE.minusSeconds(30));
        job("due-" + task.id());
        clock.set(DUE.plusMillis(5));

        job("due-" + task.id());
        sweep();
        job("due-" + task.id());

        probe.settle();
        List<ConsumerRecord<String, byte[]>> due = probe.records(Topics.TASK_EVENTS, EventTypes.TASK_DUE, task.id().toString());
        assertThat(due).hasSize(1);
        assertThat(EventProbe.header(due.get(0), "ce_id")).isEqualTo(EventIds.of(EventTypes.TASK_DUE, task.id(), DUE).toString());
        assertThat(new String(due.get(0).value())).contains("\"due_at\":\"2027-01-08T13:00:00Z\"")
            .contains("\"series_id\":\"" + task.recurrence().seriesId() + "\"");
    }

    /**
     * reminder-fire never evaluates a rule, but it keeps the jobs of a series instance whatever its stored rule: one that
     * breaks today's limits (written around the API) still gets its reminder and due jobs, its reminder fires and its
     * due time is signalled, so recurrence-handler can finish the series.
     */
    @Test
    void anInstanceWhoseStoredRuleBreaksTheLimitsKeepsItsJobsAndItsDueTimeIsSignalled() {
        UUID user = user();
        TaskView created = create(user, """
            {"title": "Every so often", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=DAILY"},
             "reminders": [{"before_due": "PT15M"}]}""");
        fixtures.storeRule(created.recurrence().seriesId(), "FREQ=DAILY;INTERVAL=2147483647");
        TaskView task = tasks.get(user, created.id());
        UUID reminder = task.reminders().get(0).id();
        assertThat(task.recurrence().summary()).endsWith("not evaluated: interval_too_large");

        assertThat(deliver(EventTypes.TASK_CREATED, task)).isEqualTo(200);
        assertThat(dapr.jobs()).containsKeys("reminder-" + reminder, "due-" + task.id());
        clock.set(FIFTEEN_BEFORE.plusMillis(5));
        assertThat(job("reminder-" + reminder)).isEqualTo(200);
        clock.set(DUE.plusMillis(5));
        assertThat(job("due-" + task.id())).isEqualTo(200);
        assertThat(sweep()).isEqualTo(200);

        assertThat(status(reminder)).isEqualTo("fired");
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_DUE, task.id().toString())).hasSize(1);
    }

    @Test
    void aDueTimeAlreadyPastWhenSetIsNotAMissedOccurrence() {
        UUID user = user();
        clock.set(DUE.plus(Duration.ofDays(1)));
        TaskView task = create(user, """
            {"title": "Created overdue", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=WEEKLY"}}""");

        deliver(EventTypes.TASK_CREATED, task);
        job("due-" + task.id());
        sweep();

        assertThat(dapr.jobs()).doesNotContainKey("due-" + task.id());
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_DUE, task.id().toString())).isEmpty();
    }

    @Test
    void theSweepSchedulesAgainTheJobsDueSoon() {
        UUID user = user();
        TaskView task = create(user, """
            {"title": "Soon", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        String name = "reminder-" + task.reminders().get(0).id();
        dapr.jobs().remove(name);
        clock.set(FIFTEEN_BEFORE.minusSeconds(60));

        sweep();

        assertThat(dapr.jobs()).containsKey(name);
    }

    private UUID user() {
        return fixtures.user("UTC");
    }

    private TaskView create(UUID user, String body) {
        return fixtures.task(user, body);
    }

    private String status(UUID reminder) {
        return fixtures.reminderStatus(reminder);
    }

    private long count(String query) {
        return fixtures.count(query);
    }

    private int deliver(String type, TaskView task) {
        Map<String, Object> data = Map.of("task_id", task.id(), "user_id", task.userId(), "task", task);
        try {
            return KafkaSource.deliver(server.getURL() + "/events", type, task.id().toString(), json.writeValueAsString(data)).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dapr's job callback. */
    private int job(String name) {
        return post("/job/" + name, "{}".getBytes(), FakeDapr.appCallHeaders());
    }

    /** A tick of the cron binding. */
    private int sweep() {
        return post("/reminder-sweep", "{}".getBytes(), FakeDapr.appCallHeaders());
    }

    private int post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return Http.send(request.build()).statusCode();
    }
}
