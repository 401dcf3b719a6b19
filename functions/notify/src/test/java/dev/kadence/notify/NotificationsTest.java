package dev.kadence.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.core.recurrence.SeriesLifecycle;
import dev.kadence.core.reminder.ReminderFiring;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.testing.EventProbe;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestClock;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Http;
import dev.kadence.testkit.KafkaSource;
import dev.kadence.testkit.SseStream;
import dev.kadence.testkit.SseStream.Event;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * notify end to end in one process: reminders fired by core's firing path (as reminder-fire runs it) and task changes
 * written by core's task service, read back from the real broker and posted to {@code /events} exactly as the
 * KafkaSources post them; the API and the stream used over HTTP as a browser would, with a controllable clock.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest implements TestPropertyProvider {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final Instant DUE = Instant.parse("2027-01-08T13:00:00Z");          // 14:00 in Berlin, a Friday
    private static final Instant FIFTEEN_BEFORE = DUE.minus(Duration.ofMinutes(15));

    private final TestClock clock = new TestClock(DUE.minus(Duration.ofDays(1)));
    private EventProbe probe;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Tasks tasks;
    @Inject
    ReminderFiring firing;
    @Inject
    SeriesLifecycle series;
    @Inject
    ReminderStore reminderStore;
    @Inject
    BearerTokens tokens;
    @Inject
    TransactionOperations<Connection> tx;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();     // signs tokens with the secret notify validates them with
    }

    @BeforeAll
    void listen() {
        probe = new EventProbe(List.of(Topics.REMINDERS, Topics.TASK_EVENTS, Topics.TASK_UPDATES),
            () -> count("select count(*) from outbox") == 0);
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
    void aFiredReminderBecomesOneNotificationShownInTheUsersZoneAndTheReminderIsDelivered() {
        UUID user = user("Europe/Berlin");
        TaskView task = create(user, """
            {"title": "Weekly report", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=FR"},
             "reminders": [{"before_due": "PT15M"}]}""");
        UUID reminder = task.reminders().get(0).id();

        fire(reminder, FIFTEEN_BEFORE);
        assertThat(relay(reminderDue(task)).statusCode()).isEqualTo(200);

        JsonNode page = get(user, "/api/v1/notifications");
        assertThat(page.get("unread_count").asLong()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        JsonNode n = page.get("items").get(0);
        assertThat(n.get("title").asText()).isEqualTo("Weekly report");
        assertThat(n.get("task_id").asText()).isEqualTo(task.id().toString());
        assertThat(n.get("link").asText()).isEqualTo("/tasks/" + task.id());
        assertThat(n.get("fire_at").asText()).isEqualTo("2027-01-08T12:45:00Z");
        assertThat(n.get("due_at_local").asText()).isEqualTo("2027-01-08T14:00:00+01:00");
        assertThat(n.get("due_text").asText()).isEqualTo("Fri 8 Jan 2027, 14:00 (Europe/Berlin)");
        assertThat(n.get("occurrence").get("series_id").asText()).isEqualTo(task.recurrence().seriesId().toString());
        assertThat(n.get("occurrence").get("instance").asInt()).isEqualTo(1);
        assertThat(n.get("message").asText()).isEqualTo("Weekly report is due Fri 8 Jan 2027, 14:00 (Europe/Berlin), occurrence 1");
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(reminderStatus(reminder)).isEqualTo("delivered");
    }

    @Test
    void aHundredDeliveriesOfOneReminderDueMakeOneNotificationAndOneStreamEvent() throws Exception {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Call the bank", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        fire(task.reminders().get(0).id(), FIFTEEN_BEFORE);
        ConsumerRecord<String, byte[]> due = reminderDue(task);

        List<Integer> statuses = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return relay(due).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get());
            }
        }

        assertThat(statuses).containsOnly(200);
        assertThat(count("select count(*) from notifications where task_id = '" + task.id() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from stream_events where user_id = '" + user + "' and kind = 'notification'")).isEqualTo(1);
    }

    @Test
    void aTaskFinishedBetweenFiringAndDeliveryIsSuppressedAndNothingIsStored() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Pay rent", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        fire(task.reminders().get(0).id(), FIFTEEN_BEFORE);
        ConsumerRecord<String, byte[]> due = reminderDue(task);
        tasks.complete(user, task.id());

        assertThat(relay(due).statusCode()).isEqualTo(200);

        assertThat(get(user, "/api/v1/notifications").get("items")).isEmpty();
        assertThat(reminderStatus(task.reminders().get(0).id())).isEqualTo("suppressed");
    }

    @Test
    void newsOfAnEarlierFiringDoesNotMarkARearmedReminderDelivered() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Standup notes", "due_at": "2027-01-08T14:00:00+01:00", "recurrence": {"rule": "FREQ=DAILY"},
             "reminders": [{"before_due": "PT15M"}]}""");
        UUID reminder = task.reminders().get(0).id();
        fire(reminder, FIFTEEN_BEFORE);
        ConsumerRecord<String, byte[]> due = reminderDue(task);
        tx.executeWrite(s -> {
            reminderStore.rearm(reminder, FIFTEEN_BEFORE.plus(Duration.ofDays(1)), clock.instant());   // the instance moved on
            return null;
        });

        relay(due);

        assertThat(get(user, "/api/v1/notifications").get("items")).hasSize(1);
        assertThat(reminderStatus(reminder)).isEqualTo("pending");
    }

    @Test
    void notificationsArePagedNewestFirstAndReadOnce() {
        UUID user = user("UTC");
        for (int i = 0; i < 3; i++) {
            TaskView task = create(user, "{\"title\": \"Task " + i + "\", \"due_at\": \"2027-01-08T14:00:00+01:00\", "
                + "\"reminders\": [{\"at\": \"2027-01-08T12:0" + i + ":00Z\"}]}");
            fire(task.reminders().get(0).id(), Instant.parse("2027-01-08T12:0" + i + ":00Z"));
            relay(reminderDue(task));
        }

        JsonNode first = get(user, "/api/v1/notifications?limit=2");
        assertThat(first.get("items")).extracting(n -> n.get("title").asText()).containsExactly("Task 2", "Task 1");
        JsonNode second = get(user, "/api/v1/notifications?limit=2&cursor=" + first.get("next_cursor").asText());
        assertThat(second.get("items")).extracting(n -> n.get("title").asText()).containsExactly("Task 0");
        assertThat(second.get("next_cursor").isNull()).isTrue();

        String id = first.get("items").get(0).get("id").asText();
        clock.set(Instant.parse("2027-01-08T12:30:00Z"));
        HttpResponse<String> read = send(user, "POST", "/api/v1/notifications/" + id + "/read");
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> again = send(user, "POST", "/api/v1/notifications/" + id + "/read");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(tree(read.body()).get("read_at").asText()).isEqualTo("2027-01-08T12:30:00Z");
        assertThat(tree(again.body()).get("read_at").asText()).as("the first read time stays").isEqualTo("2027-01-08T12:30:00Z");
        JsonNode unread = get(user, "/api/v1/notifications?unread=true");
        assertThat(unread.get("items")).extracting(n -> n.get("title").asText()).containsExactly("Task 1", "Task 0");
        assertThat(unread.get("unread_count").asLong()).isEqualTo(2);
    }

    @Test
    void badInputIsA4xxProblemAndAnotherUsersNotificationIsNotFound() {
        UUID owner = user("UTC");
        TaskView task = create(owner, """
            {"title": "Private", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        fire(task.reminders().get(0).id(), FIFTEEN_BEFORE);
        relay(reminderDue(task));
        String id = get(owner, "/api/v1/notifications").get("items").get(0).get("id").asText();
        UUID other = user("UTC");

        assertProblem(send(other, "POST", "/api/v1/notifications/" + id + "/read"), 404, "not_found");
        assertProblem(send(other, "POST", "/api/v1/notifications/not-a-uuid/read"), 404, "not_found");
        assertProblem(send(other, "GET", "/api/v1/notifications?unread=maybe"), 400, "validation_failed");
        assertProblem(send(other, "GET", "/api/v1/notifications?limit=0"), 400, "validation_failed");
        assertProblem(send(other, "GET", "/api/v1/notifications?cursor=garbage"), 400, "validation_failed");
        assertProblem(send(null, "GET", "/api/v1/notifications"), 401, "unauthenticated");
        assertThat(get(owner, "/api/v1/notifications").get("items").get(0).get("read").asBoolean()).isFalse();
    }

    @Test
    void readAllMarksEveryUnreadNotificationOfTheCallerAndNoneOfAnother() {
        UUID user = user("UTC");
        UUID other = user("UTC");
        notified(user, "Mine 1");
        notified(user, "Mine 2");
        notified(other, "Theirs");

        HttpResponse<String> all = send(user, "POST", "/api/v1/notifications/read-all");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(tree(all.body()).get("marked").asInt()).isEqualTo(2);
        assertThat(get(user, "/api/v1/notifications").get("unread_count").asLong()).isZero();
        assertThat(get(other, "/api/v1/notifications").get("unread_count").asLong()).isEqualTo(1);
        assertThat(tree(send(user, "POST", "/api/v1/notifications/read-all").body()).get("marked").asInt()).isZero();
    }

    @Test
    void snoozingAddsAPendingReminderThroughTheTaskUpdateMarksTheNotificationReadAndFiresAgain() {
        UUID user = user("Europe/Berlin");
        TaskView task = notified(user, "Weekly report");
        String id = get(user, "/api/v1/notifications").get("items").get(0).get("id").asText();
        Instant now = clock.instant();

        HttpResponse<String> snoozed = post(user, "/api/v1/notifications/" + id + "/snooze", "{\"preset\": \"1h\"}");

        assertThat(snoozed.statusCode()).as(snoozed.body()).isEqualTo(200);
        JsonNode answer = tree(snoozed.body());
        assertThat(answer.get("notification").get("read").asBoolean()).isTrue();
        Instant until = now.plus(Duration.ofHours(1));
        assertThat(answer.get("reminder").get("at").asText()).isEqualTo(until.toString());
        assertThat(answer.get("reminder").get("status").asText()).isEqualTo("pending");
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_UPDATED, task.id().toString())).last()
            .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"at\":\"" + until + "\""));

        fire(UUID.fromString(answer.get("reminder").get("id").asText()), until);
        relay(reminderDue(task, until));
        JsonNode page = get(user, "/api/v1/notifications");
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void tomorrowMorningIsNineOClockTomorrowInTheUsersZone() {
        UUID user = user("America/New_York");
        notified(user, "Call Ana");
        String id = get(user, "/api/v1/notifications").get("items").get(0).get("id").asText();
        clock.set(Instant.parse("2027-01-09T03:30:00Z"));           // 22:30 on the 8th in New York

        HttpResponse<String> snoozed = post(user, "/api/v1/notifications/" + id + "/snooze", "{\"preset\": \"tomorrow_morning\"}");

        assertThat(tree(snoozed.body()).get("reminder").get("at").asText()).isEqualTo("2027-01-09T14:00:00Z");
    }

    @Test
    void aBadSnoozeIsA400AndAnotherUsersNotificationA404AndNothingChanges() {
        UUID owner = user("UTC");
        TaskView task = notified(owner, "Private");
        String id = get(owner, "/api/v1/notifications").get("items").get(0).get("id").asText();
        String path = "/api/v1/notifications/" + id + "/snooze";

        assertProblem(post(user("UTC"), path, "{\"preset\": \"1h\"}"), 404, "not_found");
        assertProblem(post(owner, "/api/v1/notifications/nope/snooze", "{\"preset\": \"1h\"}"), 404, "not_found");
        for (String body : List.of("{}", "{\"preset\": \"5m\"}", "{\"until\": \"2020-01-01T00:00:00Z\"}",
            "{\"until\": \"2040-01-01T00:00:00Z\"}", "{\"until\": \"2027-01-09T00:00:00Z\", \"preset\": \"1h\"}",
            "{\"until\": 5}", "[]")) {
            assertProblem(post(owner, path, body), 400, "validation_failed");
        }
        assertThat(count("select count(*) from reminders where task_id = '" + task.id() + "'")).isEqualTo(1);
        assertThat(get(owner, "/api/v1/notifications").get("unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void aDoneTasksNotificationIsNotSnoozedForItsReminderWouldNeverComeBack() {
        UUID user = user("UTC");
        TaskView task = notified(user, "Submit the report");
        String id = get(user, "/api/v1/notifications").get("items").get(0).get("id").asText();
        tasks.complete(user, task.id());

        HttpResponse<String> snoozed = post(user, "/api/v1/notifications/" + id + "/snooze", "{\"preset\": \"1h\"}");

        assertProblem(snoozed, 409, "conflict");
        assertThat(tree(snoozed.body()).get("detail").asText()).contains("reopen");
        assertThat(count("select count(*) from reminders where task_id = '" + task.id() + "'")).isEqualTo(1);
        assertThat(get(user, "/api/v1/notifications").get("unread_count").asLong()).isEqualTo(1);

        tasks.reopen(user, task.id());
        assertThat(post(user, "/api/v1/notifications/" + id + "/snooze", "{\"preset\": \"1h\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aUsersStreamCarriesTheirNotificationsAndTaskChangesAndNothingOfAnotherUser() {
        UUID a = user("UTC");
        UUID b = user("UTC");
        try (SseStream streamA = SseStream.open(url("/api/v1/notifications/stream?ticket=" + ticket(a)), Map.of());
             SseStream streamB = SseStream.open(url("/api/v1/notifications/stream"), Map.of("Authorization", "Bearer " + token(b)))) {
            assertThat(streamA.status()).isEqualTo(200);
            assertThat(streamB.status()).isEqualTo(200);

            TaskView task = create(a, """
                {"title": "A's secret", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
            relay(taskChanged(task));
            fire(task.reminders().get(0).id(), FIFTEEN_BEFORE);
            relay(reminderDue(task));

            Event changed = streamA.next(Duration.ofSeconds(5));
            Event notification = streamA.next(Duration.ofSeconds(5));
            assertThat(changed.name()).isEqualTo("task");
            assertThat(tree(changed.data()).get("change").asText()).isEqualTo("created");
            assertThat(tree(changed.data()).get("task").get("title").asText()).isEqualTo("A's secret");
            assertThat(notification.name()).isEqualTo("notification");
            assertThat(tree(notification.data()).get("title").asText()).isEqualTo("A's secret");
            assertThat(Long.parseLong(notification.id())).isGreaterThan(Long.parseLong(changed.id()));
            assertThat(streamB.drain(Duration.ofSeconds(1))).as("B sees nothing of A").isEmpty();
        }
    }

    @Test
    void reconnectingWithTheLastEventIdReplaysWhatWasMissedInOrder() {
        UUID user = user("UTC");
        String lastSeen;
        try (SseStream stream = SseStream.open(url("/api/v1/notifications/stream?ticket=" + ticket(user)), Map.of())) {
            relay(taskChanged(create(user, "{\"title\": \"Seen\"}")));
            lastSeen = stream.next(Duration.ofSeconds(5)).id();
        }
        relay(taskChanged(create(user, "{\"title\": \"Missed one\"}")));
        relay(taskChanged(create(user, "{\"title\": \"Missed two\"}")));

        try (SseStream header = SseStream.open(url("/api/v1/notifications/stream?ticket=" + ticket(user)), Map.of("Last-Event-ID", lastSeen));
             SseStream param = SseStream.open(url("/api/v1/notifications/stream?last_event_id=" + lastSeen + "&ticket=" + ticket(user)), Map.of())) {
            for (SseStream replay : List.of(header, param)) {
                List<Event> events = List.of(replay.next(Duration.ofSeconds(5)), replay.next(Duration.ofSeconds(5)));
                assertThat(events).extracting(e -> tree(e.data()).get("task").get("title").asText()).containsExactly("Missed one", "Missed two");
                assertThat(replay.drain(Duration.ofMillis(300))).isEmpty();
            }
        }
    }

    @Test
    void aStreamTicketOpensOneStreamOnceAndOnlyForAWhile() {
        UUID user = user("UTC");
        String ticket = ticket(user);
        try (SseStream first = SseStream.open(url("/api/v1/notifications/stream?ticket=" + ticket), Map.of());
             SseStream again = SseStream.open(url("/api/v1/notifications/stream?ticket=" + ticket), Map.of())) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(401);
        }
        String late = ticket(user);
        clock.advance(Duration.ofSeconds(31));
        try (SseStream expired = SseStream.open(url("/api/v1/notifications/stream?ticket=" + late), Map.of());
             SseStream none = SseStream.open(url("/api/v1/notifications/stream"), Map.of());
             SseStream badId = SseStream.open(url("/api/v1/notifications/stream?ticket=" + ticket(user)), Map.of("Last-Event-ID", "x"))) {
            assertThat(expired.status()).isEqualTo(401);
            assertThat(none.status()).isEqualTo(401);
            assertThat(badId.status()).isEqualTo(400);
        }
        assertProblem(send(null, "POST", "/api/v1/notifications/stream-tickets"), 401, "unauthenticated");
    }

    @Test
    void aStreamOpensWithACommentABrowserIgnoresAndIsCountedForOperators() throws Exception {
        UUID user = user("UTC");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/notifications/stream?ticket=" + ticket(user)))).GET().build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            StringBuilder first = new StringBuilder();
            while (!first.toString().endsWith("\n\n")) {
                first.append((char) body.read());
            }
            assertThat(first.toString()).as("no data line: EventSource dispatches nothing").isEqualTo(": connected\n\n");
            assertThat(exchange(HttpRequest.newBuilder(URI.create(url("/prometheus")))).body()).contains("kadence_streams_open");
        }
    }

    /**
     * A daily series nobody completes: its reminder comes at each of three consecutive occurrences — reminder-fire's
     * firing and due signal, recurrence-handler's move, notify's delivery — and one instance stays open, missed twice.
     */
    @Test
    void aRecurringTaskNobodyCompletesRemindsAtThreeConsecutiveOccurrences() {
        UUID user = user("UTC");
        TaskView task = create(user, """
            {"title": "Morning check", "due_at": "2027-01-08T09:00:00Z", "recurrence": {"rule": "FREQ=DAILY"},
             "reminders": [{"before_due": "PT15M"}]}""");
        UUID reminder = task.reminders().get(0).id();
        Instant due = Instant.parse("2027-01-08T09:00:00Z");

        for (int day = 0; day < 3; day++) {
            Instant occurrence = due.plus(Duration.ofDays(day));
            fire(reminder, occurrence.minus(Duration.ofMinutes(15)));
            relay(reminderDue(task, occurrence.minus(Duration.ofMinutes(15))));
            if (day < 2) {
                clock.set(occurrence);
                assertThat(firing.signalDue(task.id())).isTrue();
                tx.executeWrite(s -> {      // recurrence-handler's part, in the transaction its inbox opens
                    series.due(user, task.id(), task.recurrence().seriesId(), occurrence);
                    return null;
                });
            }
        }

        JsonNode items = get(user, "/api/v1/notifications").get("items");
        assertThat(items).extracting(n -> n.get("fire_at").asText())
            .containsExactly("2027-01-10T08:45:00Z", "2027-01-09T08:45:00Z", "2027-01-08T08:45:00Z");
        assertThat(count("select count(*) from tasks where series_id = '" + task.recurrence().seriesId() + "' and status <> 'done'")).isEqualTo(1);
        assertThat(count("select missed_count from tasks where id = '" + task.id() + "'")).isEqualTo(2);
        assertThat(reminderStatus(reminder)).isEqualTo("delivered");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void fire(UUID reminder, Instant at) {
        clock.set(at);
        assertThat(firing.fire(reminder, GRACE)).isEqualTo(ReminderFiring.Fired.FIRED);
    }

    private ConsumerRecord<String, byte[]> reminderDue(TaskView task) {
        probe.settle();
        List<ConsumerRecord<String, byte[]>> due = probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, task.id().toString());
        assertThat(due).isNotEmpty();
        return due.get(due.size() - 1);
    }

    private ConsumerRecord<String, byte[]> reminderDue(TaskView task, Instant fireAt) {
        probe.settle();
        return probe.records(Topics.REMINDERS, EventTypes.REMINDER_DUE, task.id().toString()).stream()
            .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"fire_at\":\"" + fireAt + "\""))
            .findFirst().orElseThrow(() -> new AssertionError("no reminder.due fired at " + fireAt));
    }

    private ConsumerRecord<String, byte[]> taskChanged(TaskView task) {
        probe.settle();
        List<ConsumerRecord<String, byte[]>> changed = probe.records(Topics.TASK_UPDATES, EventTypes.TASK_CHANGED, task.id().toString());
        assertThat(changed).isNotEmpty();
        return changed.get(changed.size() - 1);
    }

    /** Posts a record to notify's /events as a KafkaSource does. */
    private HttpResponse<String> relay(ConsumerRecord<String, byte[]> record) {
        return KafkaSource.deliver(url("/events"), EventProbe.deliveryHeaders(record), new String(record.value(), StandardCharsets.UTF_8));
    }

    private String ticket(UUID user) {
        HttpResponse<String> response = send(user, "POST", "/api/v1/notifications/stream-tickets");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return tree(response.body()).get("ticket").asText();
    }

    private JsonNode get(UUID user, String path) {
        HttpResponse<String> response = send(user, "GET", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return tree(response.body());
    }

    /** A task of {@code user} whose absolute reminder has fired and been delivered: one unread notification. */
    private TaskView notified(UUID user, String title) {
        TaskView task = create(user, "{\"title\": \"" + title + "\", \"reminders\": [{\"at\": \"" + FIFTEEN_BEFORE + "\"}]}");
        fire(task.reminders().get(0).id(), FIFTEEN_BEFORE);
        assertThat(relay(reminderDue(task)).statusCode()).isEqualTo(200);
        return task;
    }

    private HttpResponse<String> post(UUID user, String path, String json) {
        return send(user, "POST", path, HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(UUID user, String method, String path) {
        return send(user, method, path, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(UUID user, String method, String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").method(method, body);
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return exchange(request);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(tree(response.body()).get("code").asText()).isEqualTo(code);
    }

    private String token(UUID user) {
        return tokens.issue(user, null, Duration.ofSeconds(3600)).value();
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        return Http.send(request.build());
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID user(String timezone) {
        return fixtures.user(timezone);
    }

    private TaskView create(UUID user, String body) {
        return fixtures.task(user, body);
    }

    private String reminderStatus(UUID reminder) {
        return fixtures.reminderStatus(reminder);
    }

    private long count(String query) {
        return fixtures.count(query);
    }
}
