package dev.kadence.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.testkit.KafkaSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.kadence.local.PlatformTestSupport.count;
import static dev.kadence.local.PlatformTestSupport.http;
import static dev.kadence.local.PlatformTestSupport.logLines;
import static dev.kadence.testkit.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recurring tasks through the whole local platform: a user completes instances at the front door; task-crud publishes
 * to the real broker; the chart's KafkaSource delivers to recurrence-handler, which creates the next instance.
 */
class RecurrencePlatformTest extends PlatformPerClass {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

    private String token;

    @BeforeAll
    void signUp() {
        token = platform.signup("recurring@example.com", "America/New_York");
    }

    @Test
    void everyWeekdayAt9InNewYorkCompletedThreeTimesAcrossTheMarchChange() {
        // Thursday 11 March 2027, 09:00 EST; clocks go forward on Sunday 14 March.
        JsonNode first = create("Stand-up notes", "2027-03-11T09:00:00-05:00", WEEKDAYS, "America/New_York", "schedule");
        List<JsonNode> created = completeInTurn(first, 3);

        assertEquals(List.of("2027-03-12T14:00:00Z", "2027-03-15T13:00:00Z", "2027-03-16T13:00:00Z"),
            created.stream().map(t -> t.get("due_at").asText()).toList(), "Friday 09:00 EST, then Monday and Tuesday 09:00 EDT");
        for (JsonNode t : created) {
            assertEquals(LocalTime.of(9, 0), Instant.parse(t.get("due_at").asText()).atZone(NEW_YORK).toLocalTime());
        }
        assertEquals(4, instances(first), "exactly three new instances");
    }

    @Test
    void everyWeekdayAt9InNewYorkCompletedThreeTimesAcrossTheNovemberChange() {
        // Thursday 4 November 2027, 09:00 EDT; clocks go back on Sunday 7 November.
        JsonNode first = create("Inbox zero", "2027-11-04T09:00:00-04:00", WEEKDAYS, "America/New_York", "schedule");
        List<JsonNode> created = completeInTurn(first, 3);

        assertEquals(List.of("2027-11-05T13:00:00Z", "2027-11-08T14:00:00Z", "2027-11-09T14:00:00Z"),
            created.stream().map(t -> t.get("due_at").asText()).toList(), "Friday 09:00 EDT, then Monday and Tuesday 09:00 EST");
        assertEquals(4, instances(first));
    }

    @Test
    void completingADayLateGivesTheNextFutureWeekdayNotAnOverdueOne() {
        LocalDate weekdayBefore = LocalDate.now(NEW_YORK).minusDays(1);
        while (weekdayBefore.getDayOfWeek() == DayOfWeek.SATURDAY || weekdayBefore.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekdayBefore = weekdayBefore.minusDays(1);
        }
        String due = weekdayBefore.atTime(9, 0).atZone(NEW_YORK).toOffsetDateTime().toString();
        JsonNode first = create("Timesheet", due, WEEKDAYS, null, "schedule");

        JsonNode done = complete(first);
        JsonNode next = awaitInstance(first, 2);

        Instant completedAt = Instant.parse(done.get("completed_at").asText());
        ZonedDateTime expected = completedAt.atZone(NEW_YORK).toLocalDate().atTime(9, 0).atZone(NEW_YORK);
        while (!expected.toInstant().isAfter(completedAt) || expected.getDayOfWeek().getValue() > 5) {
            expected = expected.toLocalDate().plusDays(1).atTime(9, 0).atZone(NEW_YORK);
        }
        assertEquals(expected.toInstant(), Instant.parse(next.get("due_at").asText()));
        assertTrue(Instant.parse(next.get("due_at").asText()).isAfter(Instant.now()), "not already overdue");
    }

    @Test
    void countThreeYieldsExactlyThreeInstances() {
        JsonNode first = create("Physio exercises", "2027-02-01T08:00:00-05:00", "FREQ=DAILY;COUNT=3", null, "schedule");
        List<JsonNode> created = completeInTurn(first, 2);
        JsonNode last = created.get(1);
        complete(last);

        await("the series finishes", Duration.ofSeconds(10), () -> "finished".equals(get(last).path("recurrence").path("status").asText()));
        assertEquals(3, instances(first));
        assertEquals("2027-02-03T13:00:00Z", last.get("due_at").asText());
    }

    @Test
    void aStoppedSeriesYieldsNoFurtherInstance() {
        JsonNode first = create("Water the ferns", "2027-01-11T18:00:00-05:00", "FREQ=WEEKLY", null, "schedule");
        String series = first.path("recurrence").path("series_id").asText();
        assertEquals(200, http("DELETE", api("/tasks/" + id(first) + "/recurrence"), token, null).statusCode());

        complete(first);

        await("recurrence-handler takes the completion", Duration.ofSeconds(10),
            () -> !logLines(platform.settings, "recurrence-handler", "dev.kadence.task.completed", id(first)).isEmpty());
        assertEquals(0, count(platform.settings, Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid", series));
        assertEquals(1, count(platform.settings, Settings.DATABASE, "select count(*) from tasks where title = 'Water the ferns'"));
        JsonNode history = json(http("GET", api("/series/" + series + "/history"), token, null));
        assertEquals("stopped", history.get("status").asText());
        assertEquals("stopped", history.get("items").get(0).get("kind").asText());
    }

    @Test
    void aHundredDeliveriesOfOneCompletionEventCreateOneInstance() throws Exception {
        JsonNode first = create("Backup check", "2027-01-12T10:00:00-05:00", "FREQ=DAILY", null, "schedule");
        completeWithoutAnEvent(first);
        String eventId = UUID.randomUUID().toString();
        String data = JSON.writeValueAsString(Map.of("task_id", id(first), "user_id", first.get("user_id").asText(), "task", first));

        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 100; i++) {
                producer.send(record("dev.kadence.task.completed", eventId, id(first), data));
            }
        }

        await("all 100 deliveries are answered", Duration.ofSeconds(30),
            () -> logLines(platform.settings, "recurrence-handler", eventId).size() >= 100);
        List<String> answers = logLines(platform.settings, "recurrence-handler", eventId);
        assertEquals(1, answers.stream().filter(l -> l.endsWith(": done")).count(), String.join("\n", answers));
        assertEquals(99, answers.stream().filter(l -> l.endsWith(": duplicate")).count());
        assertEquals(2, instances(first));
        await("notify answers all 100 too", Duration.ofSeconds(30), () -> logLines(platform.settings, "notify", eventId).size() >= 100);
        assertEquals(1, count(platform.settings, Settings.DATABASE, "select count(*) from activity where event_id = ?", eventId),
            "one entry in the activity log");
    }

    @Test
    void differentCompletionEventsRacingForOneInstanceCreateOneSuccessor() throws Exception {
        JsonNode first = create("Log review", "2027-01-13T10:00:00-05:00", "FREQ=DAILY", null, "schedule");
        completeWithoutAnEvent(first);
        String data = JSON.writeValueAsString(Map.of("task_id", id(first), "user_id", first.get("user_id").asText()));
        String sink = "http://127.0.0.1:" + platform.function("recurrence-handler").port() + "/events";

        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpRequest request = KafkaSource.request(sink, platform.delivery("recurrence-handler", "dev.kadence.task.completed", id(first)), data);
            racing.add(PlatformTestSupport.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : racing) {
            assertEquals(200, answer.get().statusCode(), answer.get().body());
        }
        assertEquals(2, instances(first));
    }

    @Test
    void completionModeEveryThreeDaysIsDueThreeDaysAfterTheCompletionAtTheRulesTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        String due = LocalDate.now(berlin).plusDays(1).atTime(8, 0).atZone(berlin).toOffsetDateTime().toString();
        JsonNode first = create("Water the cactus", due, "FREQ=DAILY;INTERVAL=3", "Europe/Berlin", "completion");

        JsonNode done = complete(first);
        JsonNode next = awaitInstance(first, 2);

        LocalDate completedOn = Instant.parse(done.get("completed_at").asText()).atZone(berlin).toLocalDate();
        assertEquals(completedOn.plusDays(3).atTime(8, 0).atZone(berlin).toInstant(), Instant.parse(next.get("due_at").asText()));
        assertEquals("completion", next.path("recurrence").path("mode").asText());
    }

    @Test
    void aTaskDueEventOnTheTopicMovesAnOpenInstanceOnAndCountsTheMiss() throws Exception {
        String yesterday = LocalDate.now(NEW_YORK).minusDays(1).atTime(7, 0).atZone(NEW_YORK).toOffsetDateTime().toString();
        JsonNode task = create("Morning pages", yesterday, "FREQ=DAILY", null, "schedule");
        String data = JSON.writeValueAsString(Map.of("task_id", id(task), "user_id", task.get("user_id").asText(),
            "series_id", task.path("recurrence").path("series_id").asText(), "due_at", task.get("due_at").asText()));

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record("dev.kadence.task.due", UUID.randomUUID().toString(), id(task), data)).get();
        }

        await("the instance moves on", Duration.ofSeconds(10), () -> !get(task).get("due_at").asText().equals(task.get("due_at").asText()));
        JsonNode moved = get(task);
        assertTrue(Instant.parse(moved.get("due_at").asText()).isAfter(Instant.now()), moved.toString());
        assertTrue(moved.path("recurrence").path("missed_count").asInt() >= 1, moved.toString());
        assertEquals(1, count(platform.settings, Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid",
            task.path("recurrence").path("series_id").asText()), "still one open instance");
    }

    /** Completes each instance in turn, {@code times} times, and returns the instances that followed. */
    private List<JsonNode> completeInTurn(JsonNode first, int times) {
        List<JsonNode> created = new ArrayList<>();
        JsonNode current = first;
        for (int i = 0; i < times; i++) {
            complete(current);
            current = awaitInstance(first, i + 2);
            created.add(current);
        }
        return created;
    }

    private JsonNode create(String title, String due, String rule, String zone, String mode) {
        StringBuilder recurrence = new StringBuilder("{\"rule\":\"" + rule + "\",\"mode\":\"" + mode + "\"");
        if (zone != null) {
            recurrence.append(",\"timezone\":\"").append(zone).append('"');
        }
        recurrence.append('}');
        HttpResponse<String> r = http("POST", api("/tasks"), token,
            "{\"title\":\"" + title + "\",\"due_at\":\"" + due + "\",\"recurrence\":" + recurrence + "}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    private JsonNode complete(JsonNode task) {
        HttpResponse<String> r = http("POST", api("/tasks/" + id(task) + "/complete"), token, null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private JsonNode get(JsonNode task) {
        return json(http("GET", api("/tasks/" + id(task)), token, null));
    }

    /** Marks the task done in the database only, so that no event of task-crud's creates its successor. */
    private void completeWithoutAnEvent(JsonNode task) throws SQLException {
        try (Connection c = DriverManager.getConnection(platform.settings.jdbcUrl(Settings.DATABASE), Settings.DATABASE_USER,
                Settings.DATABASE_PASSWORD);
             var ps = c.prepareStatement("update tasks set status = 'done', completed_at = now() where id = ?::uuid")) {
            ps.setString(1, id(task));
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** Waits for instance {@code n} of the first instance's series and returns it as the API shows it. */
    private JsonNode awaitInstance(JsonNode first, int n) {
        String series = first.path("recurrence").path("series_id").asText();
        await("instance " + n + " of series " + series, Duration.ofSeconds(10), () -> count(platform.settings, Settings.DATABASE,
            "select count(*) from tasks where series_id = ?::uuid and series_instance = ?", series, n) == 1);
        try (Connection c = DriverManager.getConnection(platform.settings.jdbcUrl(Settings.DATABASE), Settings.DATABASE_USER,
                Settings.DATABASE_PASSWORD);
             var ps = c.prepareStatement("select id from tasks where series_id = ?::uuid and series_instance = ?")) {
            ps.setString(1, series);
            ps.setInt(2, n);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return json(http("GET", api("/tasks/" + rs.getString(1)), token, null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long instances(JsonNode first) {
        return count(platform.settings, Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid",
            first.path("recurrence").path("series_id").asText());
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", platform.settings.kafkaBootstrap()), new StringSerializer(), new StringSerializer());
    }

    /** A record as task-crud's outbox writes one: binary-mode CloudEvent headers, keyed by the task. */
    private static ProducerRecord<String, String> record(String type, String eventId, String taskId, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>("task-events", taskId, data);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(eventId))
            .add("ce_source", bytes("/kadence/tests")).add("ce_type", bytes(type))
            .add("ce_subject", bytes(taskId)).add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String api(String path) {
        return platform.frontDoor("/api/v1" + path);
    }

    private static String id(JsonNode task) {
        return task.get("id").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
