package dev.kadence.recurrencehandler;

import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.db.Sql;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.testing.EventProbe;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestClock;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.KafkaSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
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
 * recurrence-handler keeping series going, driven as in production: task-crud's services change the tasks, and the
 * events are posted to {@code POST /events} exactly as the KafkaSource posts them. The clock is the test's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesBehaviourTest implements TestPropertyProvider {
    /** A Monday in January (no DST change near): 2027-01-04 10:00 UTC = 11:00 in Berlin. */
    private static final Instant MONDAY = Instant.parse("2027-01-04T10:00:00Z");

    private final TestClock clock = new TestClock(MONDAY);

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Tasks tasks;
    @Inject
    JsonMapper json;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> tx;

    private EventProbe probe;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @BeforeAll
    void listen() {
        probe = new EventProbe(List.of(Topics.TASK_EVENTS), () -> count("select count(*) from outbox") == 0);
    }

    @BeforeEach
    void resetClock() {
        clock.set(MONDAY);
    }

    @AfterAll
    void close() {
        probe.close();
    }

    @Test
    void completingAnInstanceCreatesTheNextOneWithWhatCarriesOverAndPublishesIt() {
        UUID user = user("Europe/Berlin");
        TaskView first = create(user, """
            {"title": "Weekly report", "description": "numbers for the team", "priority": "high", "tags": ["work"],
             "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=FR"},
             "reminders": [{"before_due": "PT15M"}, {"at": "2027-01-08T08:00:00+01:00"}]}""");
        assertThat(first.recurrence().instance()).isEqualTo(1);
        assertThat(first.recurrence().summary()).isEqualTo("every Friday at 14:00, Europe/Berlin");
        assertThat(first.recurrence().nextOccurrences()).containsExactly(
            Instant.parse("2027-01-08T13:00:00Z"), Instant.parse("2027-01-15T13:00:00Z"), Instant.parse("2027-01-22T13:00:00Z"),
            Instant.parse("2027-01-29T13:00:00Z"), Instant.parse("2027-02-05T13:00:00Z"));

        TaskView done = tasks.complete(user, first.id());
        assertThat(deliver(EventTypes.TASK_COMPLETED, taskData(done))).isEqualTo(200);

        List<TaskView> instances = instances(user, first.recurrence().seriesId());
        assertThat(instances).hasSize(2);
        TaskView next = instances.get(1);
        assertThat(next.status()).isEqualTo("todo");
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2027-01-15T13:00:00Z"));
        assertThat(next.title()).isEqualTo("Weekly report");
        assertThat(next.description()).isEqualTo("numbers for the team");
        assertThat(next.priority()).isEqualTo("high");
        assertThat(next.tags()).containsExactly("work");
        assertThat(next.recurrence().instance()).isEqualTo(2);
        assertThat(next.recurrence().missedCount()).isZero();
        assertThat(next.reminders()).singleElement().satisfies(r -> {
            assertThat(r.beforeDue()).isEqualTo("PT15M");
            assertThat(r.fireAt()).isEqualTo(Instant.parse("2027-01-15T12:45:00Z"));
            assertThat(r.status()).isEqualTo("pending");
        });
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_CREATED, next.id().toString())).singleElement()
            .satisfies(event -> assertThat(new String(event.value())).as("the full snapshot, absent values too")
                .contains("\"completed_at\":null", "\"tags\":[\"work\"]", "\"description\":\"numbers for the team\"",
                    "\"reminders\":[{", "\"at\":null"));
        assertThat(history(first.recurrence().seriesId())).containsExactly(
            "created " + first.id() + " 2027-01-08T13:00:00Z",
            "completed " + first.id() + " 2027-01-08T13:00:00Z",
            "created " + next.id() + " 2027-01-15T13:00:00Z");
    }

    @Test
    void completionEventsOfOneInstanceCreateOneSuccessorHoweverManyAndInWhateverOrder() throws Exception {
        UUID user = user("UTC");
        TaskView first = create(user, """
            {"title": "Water plants", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        TaskView done = tasks.complete(user, first.id());
        tasks.reopen(user, first.id());
        TaskView doneAgain = tasks.complete(user, first.id());

        int racers = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                TaskView snapshot = i % 2 == 0 ? done : doneAgain;
                answers.add(pool.submit(() -> {
                    start.await();
                    return deliver(EventTypes.TASK_COMPLETED, taskData(snapshot));     // each a different event id
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        assertThat(instances(user, first.recurrence().seriesId())).hasSize(2);
    }

    @Test
    void aCompletionUndoneBeforeItsEventArrivesCreatesNothingUntilTheTaskIsCompletedAgain() {
        UUID user = user("UTC");
        TaskView first = create(user, """
            {"title": "Stretch", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        TaskView done = tasks.complete(user, first.id());
        tasks.reopen(user, first.id());

        deliver(EventTypes.TASK_COMPLETED, taskData(done));
        assertThat(instances(user, first.recurrence().seriesId())).hasSize(1);

        deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, first.id())));
        assertThat(instances(user, first.recurrence().seriesId())).hasSize(2);
    }

    @Test
    void undoingACompletionAfterItsSuccessorWasMadeWithdrawsTheSuccessorSoOneInstanceStaysOpen() {
        UUID user = user("UTC");
        TaskView first = create(user, """
            {"title": "Stretch", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"},
             "reminders": [{"before_due": "PT15M"}]}""");
        deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, first.id())));
        TaskView successor = instances(user, first.recurrence().seriesId()).get(1);

        TaskView reopened = tasks.reopen(user, first.id());

        assertThat(reopened.status()).isEqualTo("todo");
        assertThat(instances(user, first.recurrence().seriesId())).extracting(TaskView::id).containsExactly(first.id());
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_DELETED, successor.id().toString())).hasSize(1);
        assertThat(count("select count(*) from reminders where task_id = ?", successor.id())).isZero();

        deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, first.id())));
        assertThat(instances(user, first.recurrence().seriesId())).hasSize(2)
            .last().satisfies(next -> assertThat(next.recurrence().instance()).isEqualTo(2));
    }

    @Test
    void aRestoredInstanceGoesOnWithItsSeries() {
        UUID user = user("UTC");
        TaskView first = create(user, """
            {"title": "Water plants", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        tasks.delete(user, first.id());
        TaskView restored = tasks.restore(user, first.id());
        assertThat(deliver(EventTypes.TASK_RESTORED, taskData(restored))).isEqualTo(200);
        assertThat(restored.recurrence().status()).isEqualTo("active");

        deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, first.id())));
        assertThat(instances(user, first.recurrence().seriesId())).hasSize(2)
            .last().satisfies(next -> assertThat(next.recurrence().instance()).isEqualTo(2));
    }

    @Test
    void aSuccessorTheUserHasChangedStaysWhenTheCompletionIsUndone() {
        UUID user = user("UTC");
        TaskView first = create(user, """
            {"title": "Stretch", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, first.id())));
        TaskView successor = instances(user, first.recurrence().seriesId()).get(1);
        clock.advance(Duration.ofMinutes(1));
        tasks.update(user, successor.id(), TaskRequests.patch(node("{\"title\": \"Stretch longer\"}")));

        tasks.reopen(user, first.id());

        assertThat(instances(user, first.recurrence().seriesId())).extracting(TaskView::title)
            .containsExactly("Stretch", "Stretch longer");
    }

    @Test
    void countEndsTheSeriesAndTheHistorySaysSo() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Three times", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY;COUNT=3"}}""");
        UUID series = task.recurrence().seriesId();
        for (int i = 0; i < 3; i++) {
            deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, task.id())));
            List<TaskView> all = instances(user, series);
            task = all.get(all.size() - 1);
        }

        List<TaskView> all = instances(user, series);
        assertThat(all).extracting(TaskView::dueAt).containsExactly(
            Instant.parse("2027-01-05T08:00:00Z"), Instant.parse("2027-01-06T08:00:00Z"), Instant.parse("2027-01-07T08:00:00Z"));
        assertThat(all).extracting(TaskView::status).containsOnly("done");
        assertThat(all.get(2).recurrence().status()).isEqualTo("finished");
        assertThat(history(series)).last().isEqualTo("finished null null");
    }

    @Test
    void aStoppedSeriesGetsNoFurtherInstance() {
        UUID user = user("UTC");
        TaskView first = create(user, """
            {"title": "Newsletter", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=WEEKLY"}}""");
        UUID series = first.recurrence().seriesId();
        TaskView done = tasks.complete(user, first.id());
        tasks.stopRecurrence(user, first.id());

        deliver(EventTypes.TASK_COMPLETED, taskData(done));

        assertThat(count("select count(*) from tasks where series_id = ?", series)).as("the task is a plain task now").isZero();
        assertThat(count("select count(*) from tasks where user_id = ?", user)).isEqualTo(1);
        assertThat(history(series)).containsExactly("created " + first.id() + " 2027-01-05T08:00:00Z", "stopped " + first.id() + " null");
    }

    @Test
    void inCompletionModeTheNextDueIsTheCompletionPlusTheIntervalAtTheRulesTimeOfDay() {
        UUID user = user("America/New_York");
        TaskView first = create(user, """
            {"title": "Water the cactus", "due_at": "2027-01-04T09:00:00-05:00",
             "recurrence": {"rule": "FREQ=DAILY;INTERVAL=3", "mode": "completion"}}""");
        clock.set(Instant.parse("2027-01-06T22:30:00Z"));    // Wednesday 17:30 in New York, two days late

        deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, first.id())));

        assertThat(instances(user, first.recurrence().seriesId()).get(1).dueAt())
            .isEqualTo(Instant.parse("2027-01-09T14:00:00Z"));                   // Saturday 09:00 in New York
    }

    @Test
    void anInstanceStillOpenWhenItsDueTimePassesMovesOnWithItsRemindersAndCountsTheMiss() {
        UUID user = user("Europe/Berlin");
        TaskView task = create(user, """
            {"title": "Weekly report", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=FR"},
             "reminders": [{"before_due": "PT15M"}, {"at": "2027-01-08T08:00:00+01:00"}]}""");
        sql(() -> sql.update("update reminders set status = 'delivered' where task_id = ?", List.of(task.id())));
        clock.set(Instant.parse("2027-01-08T13:00:01Z"));

        assertThat(deliver(EventTypes.TASK_DUE, dueData(task, task.dueAt()))).isEqualTo(200);
        assertThat(deliver(EventTypes.TASK_DUE, dueData(task, task.dueAt()))).as("the same due time again").isEqualTo(200);

        TaskView moved = tasks.get(user, task.id());
        assertThat(moved.dueAt()).isEqualTo(Instant.parse("2027-01-15T13:00:00Z"));
        assertThat(moved.status()).isEqualTo("todo");
        assertThat(moved.recurrence().missedCount()).isEqualTo(1);
        assertThat(moved.reminders()).extracting(r -> r.beforeDue() == null ? "at " + r.status() : r.fireAt() + " " + r.status())
            .containsExactlyInAnyOrder("at delivered", "2027-01-15T12:45:00Z pending");
        assertThat(instances(user, task.recurrence().seriesId())).hasSize(1);
        assertThat(history(task.recurrence().seriesId())).containsExactly(
            "created " + task.id() + " 2027-01-08T13:00:00Z", "missed " + task.id() + " 2027-01-08T13:00:00Z");
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_UPDATED, task.id().toString())).hasSize(1);
    }

    @Test
    void afterAnOutageEveryPassedOccurrenceCountsAsMissedAndTheTaskMovesPastNow() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Daily check", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        clock.set(Instant.parse("2027-01-08T07:00:00Z"));

        deliver(EventTypes.TASK_DUE, dueData(task, task.dueAt()));

        TaskView moved = tasks.get(user, task.id());
        assertThat(moved.dueAt()).isEqualTo(Instant.parse("2027-01-08T08:00:00Z"));
        assertThat(moved.recurrence().missedCount()).isEqualTo(3);
    }

    @Test
    void aDueTimeThatIsNoLongerTheTasksChangesNothing() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Daily check", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        clock.set(Instant.parse("2027-01-05T08:00:01Z"));

        deliver(EventTypes.TASK_DUE, dueData(task, Instant.parse("2027-01-04T08:00:00Z")));
        TaskView done = tasks.complete(user, task.id());
        deliver(EventTypes.TASK_DUE, dueData(task, task.dueAt()));

        assertThat(tasks.get(user, task.id()).dueAt()).isEqualTo(done.dueAt());
        assertThat(tasks.get(user, task.id()).recurrence().missedCount()).isZero();
    }

    @Test
    void whenNoOccurrenceFollowsTheInstanceStaysAndTheSeriesIsFinished() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Once more", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY;UNTIL=20270105T235959Z"}}""");
        clock.set(Instant.parse("2027-01-05T08:00:01Z"));

        deliver(EventTypes.TASK_DUE, dueData(task, task.dueAt()));

        TaskView after = tasks.get(user, task.id());
        assertThat(after.dueAt()).isEqualTo(task.dueAt());
        assertThat(after.recurrence().missedCount()).isZero();
        assertThat(after.recurrence().status()).isEqualTo("finished");
    }

    /**
     * A rule written straight into the database around the limits (docs/recurrence.md#limits) is not evaluated: when
     * its instance is completed or its due time passes, no occurrence follows, so the series is finished (and the log
     * says why); nothing is retried and no core is burnt.
     */
    @Test
    void aSeriesWhoseStoredRuleBreaksTheLimitsFinishesWhenItsInstanceIsCompletedOrMissed() {
        UUID user = user("UTC");
        TaskView completed = create(user, """
            {"title": "Every so often", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        TaskView missed = create(user, """
            {"title": "Every so often too", "due_at": "2027-01-05T08:00:00Z", "recurrence": {"rule": "FREQ=DAILY", "mode": "completion"}}""");
        fixtures.storeRule(completed.recurrence().seriesId(), "FREQ=DAILY;INTERVAL=2147483647");
        fixtures.storeRule(missed.recurrence().seriesId(), "FREQ=YEARLY;BYYEARDAY=" + java.util.stream.IntStream.rangeClosed(1, 366)
            .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ";BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2");
        clock.set(Instant.parse("2027-01-05T08:00:01Z"));

        assertThat(deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, completed.id())))).isEqualTo(200);
        assertThat(deliver(EventTypes.TASK_DUE, dueData(missed, missed.dueAt()))).isEqualTo(200);

        assertThat(instances(user, completed.recurrence().seriesId())).singleElement()
            .satisfies(t -> assertThat(t.recurrence().status()).isEqualTo("finished"));
        assertThat(history(completed.recurrence().seriesId())).last().isEqualTo("finished null null");
        TaskView stays = tasks.get(user, missed.id());
        assertThat(stays.dueAt()).isEqualTo(missed.dueAt());
        assertThat(stays.recurrence().status()).isEqualTo("finished");
        assertThat(stays.recurrence().summary()).endsWith("not evaluated: rule_too_complex, counted from each completion");
        assertThat(history(missed.recurrence().seriesId())).last().isEqualTo("finished null null");
    }

    /** A COUNT rule stored around the API that cannot be counted within the evaluation budget ends its series. */
    @Test
    void aStoredCountRuleBeyondTheBudgetEndsItsSeriesWhenTheInstanceIsCompleted() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Morning", "due_at": "2020-01-01T09:00:00Z", "recurrence": {"rule": "FREQ=DAILY"}}""");
        fixtures.storeRule(task.recurrence().seriesId(), "FREQ=HOURLY;BYHOUR=9;COUNT=5000");

        assertThat(deliver(EventTypes.TASK_COMPLETED, taskData(tasks.complete(user, task.id())))).isEqualTo(200);

        assertThat(instances(user, task.recurrence().seriesId())).singleElement()
            .satisfies(t -> assertThat(t.recurrence().status()).isEqualTo("finished"));
    }

    /**
     * The last workday of each month, open since 1026: the twelve thousand months it missed would cost 25 weekdays each
     * to list. One evaluation's budget lists the first 799 after its own due (docs/recurrence.md#the-evaluation-budget);
     * the instance still moves past now.
     */
    @Test
    void anInstanceMissedForCenturiesMovesPastNowWithTheMissesTheBudgetListed() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Close the books", "due_at": "1026-01-31T09:00:00Z", "recurrence": {"rule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"}}""");

        assertThat(deliver(EventTypes.TASK_DUE, dueData(task, task.dueAt()))).isEqualTo(200);

        TaskView moved = tasks.get(user, task.id());
        assertThat(moved.dueAt()).isEqualTo(Instant.parse("2027-01-29T09:00:00Z"));
        assertThat(moved.recurrence().missedCount()).isEqualTo(800);
        assertThat(moved.recurrence().status()).isEqualTo("active");
        assertThat(history(task.recurrence().seriesId())).filteredOn(e -> e.startsWith("missed")).hasSize(800);
    }

    @Test
    void dueDataWithoutItsDueTimeIsRejected() {
        Map<String, Object> data = Map.of("task_id", UUID.randomUUID(), "user_id", UUID.randomUUID(), "series_id", UUID.randomUUID());
        assertThat(deliver(EventTypes.TASK_DUE, data)).isEqualTo(400);
    }

    private UUID user(String zone) {
        return fixtures.user(zone);
    }

    private TaskView create(UUID user, String body) {
        return fixtures.task(user, body);
    }

    private io.micronaut.json.tree.JsonNode node(String body) {
        try {
            return json.readValue(body, io.micronaut.json.tree.JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<TaskView> instances(UUID user, UUID series) {
        List<UUID> ids = tx.executeRead(s -> sql.list("select id from tasks where series_id = ? order by series_instance",
            List.of(series), rs -> rs.getObject(1, UUID.class)));
        return ids.stream().map(id -> tasks.get(user, id)).toList();
    }

    private List<String> history(UUID series) {
        return tx.executeRead(s -> sql.list("select * from series_history where series_id = ? order by id", List.of(series),
            rs -> rs.getString("kind") + " " + rs.getObject("task_id") + " " + Sql.instant(rs, "occurrence_at")));
    }

    private long count(String query, Object... params) {
        return fixtures.count(query, params);
    }

    private void sql(Runnable r) {
        tx.executeWrite(s -> {
            r.run();
            return null;
        });
    }

    private static Map<String, Object> taskData(TaskView task) {
        return Map.of("task_id", task.id(), "user_id", task.userId(), "task", task);
    }

    private static Map<String, Object> dueData(TaskView task, Instant due) {
        return Map.of("task_id", task.id(), "user_id", task.userId(), "series_id", task.recurrence().seriesId(), "due_at", due);
    }

    /** Posts the event as a KafkaSource does (binary mode, a fresh id) and returns the answer's status. */
    private int deliver(String type, Map<String, Object> data) {
        try {
            return KafkaSource.deliver(server.getURL() + "/events", type, data.get("task_id").toString(),
                json.writeValueAsString(data)).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
