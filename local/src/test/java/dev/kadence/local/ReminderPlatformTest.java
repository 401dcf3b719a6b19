package dev.kadence.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.testkit.SseStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static dev.kadence.local.PlatformTestSupport.count;
import static dev.kadence.local.PlatformTestSupport.http;
import static dev.kadence.testkit.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders through the whole local platform, as a user sees them: tasks made at the front door, reminder-fire woken by
 * the local Dapr's jobs and cron binding, {@code reminder.due} on the real broker delivered to notify by the chart's
 * KafkaSource, and the notification read from the stream a browser opens at the front door.
 */
class ReminderPlatformTest extends PlatformPerClass {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The budget (DESIGN §8) a reminder has from its time to the browser. */
    private static final Duration ON_TIME = Duration.ofSeconds(1);

    private String token;

    @BeforeAll
    void signUp() {
        token = platform.signup("reminded@example.com", "Europe/Berlin");
    }

    @Test
    void aReminderThreeSecondsAheadIsOnTheStreamWithinASecondAfterItsTimeAndNotBefore() {
        try (SseStream stream = stream(token)) {
            Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            JsonNode task = create(token, "{\"title\":\"Stretch\",\"reminders\":[{\"at\":\"" + at + "\"}]}");

            SseStream.Event n = stream.next("notification", id(task), Duration.ofSeconds(10));

            assertNotNull(n, "the reminder reached the stream");
            assertFalse(n.receivedAt().isBefore(at), "arrived at " + n.receivedAt() + ", before its time " + at);
            assertTrue(Duration.between(at, n.receivedAt()).compareTo(ON_TIME) <= 0, "arrived " + Duration.between(at, n.receivedAt()) + " after its time");
            assertEquals("Reminder: Stretch", tree(n.data()).get("message").asText());
            assertEquals("delivered", reminder(token, task).get("status").asText());
        }
    }

    @Test
    void aSnoozedNotificationIsOnTheStreamAgainAtItsSnoozeTimeThroughTheSameReminderPath() {
        try (SseStream stream = stream(token)) {
            JsonNode task = create(token, "{\"title\":\"Call Ana\",\"reminders\":[{\"at\":\"" + Instant.now().plusSeconds(2) + "\"}]}");
            SseStream.Event first = stream.next("notification", id(task), Duration.ofSeconds(10));
            assertNotNull(first, "the reminder reached the stream");
            Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

            HttpResponse<String> snoozed = http("POST", api("/notifications/" + tree(first.data()).get("id").asText() + "/snooze"),
                token, "{\"until\":\"" + until + "\"}");
            assertEquals(200, snoozed.statusCode(), snoozed.body());
            SseStream.Event again = stream.next("notification", until.toString(), Duration.ofSeconds(10));

            assertNotNull(again, "the snoozed reminder reached the stream");
            assertFalse(again.receivedAt().isBefore(until), "arrived at " + again.receivedAt() + ", before its time " + until);
            assertEquals(2, notificationsOf(task));
        }
    }

    @Test
    void aTaskCompletedBeforeItsReminderPutsNothingOnTheStreamAndTheReminderIsSuppressed() {
        try (SseStream stream = stream(token)) {
            Instant at = Instant.now().plusSeconds(2);
            JsonNode task = create(token, "{\"title\":\"Pay rent\",\"reminders\":[{\"at\":\"" + at + "\"}]}");
            assertEquals(200, http("POST", api("/tasks/" + id(task) + "/complete"), token, null).statusCode());

            await("the reminder is suppressed", Duration.ofSeconds(10), () -> reminder(token, task).get("status").asText().equals("suppressed"));
            assertNull(stream.next("notification", id(task), Duration.ofSeconds(1)));
        }
    }

    @Test
    void aCancelledReminderNeverFires() {
        try (SseStream stream = stream(token)) {
            Instant at = Instant.now().plusSeconds(2);
            JsonNode task = create(token, "{\"title\":\"Water plants\",\"reminders\":[{\"at\":\"" + at + "\"}]}");
            String reminder = task.get("reminders").get(0).get("id").asText();

            assertEquals(200, http("DELETE", api("/reminders/" + reminder), token, null).statusCode());

            assertNull(stream.next("notification", id(task), Duration.ofSeconds(5)), "nothing fired");
            JsonNode cancelled = tree(http("GET", api("/reminders?status=cancelled"), token, null).body()).get("items");
            assertTrue(cancelled.findValuesAsText("id").contains(reminder), cancelled.toString());
            assertEquals(0, notificationsOf(task));
        }
    }

    @Test
    void fifteenMinutesBeforeDueFollowsTheDueDateWhenItIsEdited() {
        try (SseStream stream = stream(token)) {
            Instant firstDue = Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            JsonNode task = create(token, "{\"title\":\"Standup\",\"due_at\":\"" + firstDue + "\",\"reminders\":[{\"before_due\":\"PT15M\"}]}");
            Instant newDue = Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Instant newFire = newDue.minus(Duration.ofMinutes(15));

            HttpResponse<String> edited = http("PATCH", api("/tasks/" + id(task)), token, "{\"due_at\":\"" + newDue + "\"}");
            assertEquals(200, edited.statusCode(), edited.body());
            assertEquals(newFire, Instant.parse(tree(edited.body()).get("reminders").get(0).get("fire_at").asText()));

            SseStream.Event n = stream.next("notification", id(task), Duration.ofSeconds(10));
            assertNotNull(n, "the moved reminder reached the stream");
            assertFalse(n.receivedAt().isBefore(newFire), "arrived before its time");
            assertTrue(Duration.between(newFire, n.receivedAt()).compareTo(ON_TIME) <= 0, "arrived " + Duration.between(newFire, n.receivedAt()) + " late");
            assertEquals(Instant.parse(tree(n.data()).get("due_at").asText()), newDue);
        }
    }

    /**
     * reminder-fire is down while two reminders fall due, one recently and one (as if) long ago; when it is back, the
     * recent one reaches the stream once, the old one is missed, and nothing comes twice — Dapr's jobs for both were
     * called back in vain during the outage, and after it the sweep and any retried job race for the same rows.
     */
    @Test
    void afterAnOutageRecentRemindersAreDeliveredOnceAndOldOnesMissed() {
        try (SseStream stream = stream(token)) {
            Instant recentAt = Instant.now().plusSeconds(3);
            JsonNode recent = create(token, "{\"title\":\"Recent\",\"reminders\":[{\"at\":\"" + recentAt + "\"}]}");
            JsonNode old = create(token, "{\"title\":\"Long ago\",\"reminders\":[{\"at\":\"" + recentAt.plusSeconds(1) + "\"}]}");
            await("reminder-fire has scheduled both jobs", Duration.ofSeconds(10), () ->
                PlatformTestSupport.logLines(platform.settings, "reminder-fire", "received dev.kadence.task.created", id(old)).size() == 1);

            platform.outage("reminder-fire", () -> {
                sql("update reminders set fire_at = now() - interval '20 minutes' where task_id = '" + id(old) + "'");
                await("both fell due while reminder-fire was down", Duration.ofSeconds(10),
                    () -> Instant.now().isAfter(recentAt.plusSeconds(3)));
                assertEquals("pending", reminder(token, recent).get("status").asText());
            });

            assertNotNull(stream.next("notification", id(recent), Duration.ofSeconds(10)), "the recent one arrives");
            await("the old one is missed", Duration.ofSeconds(10), () -> reminder(token, old).get("status").asText().equals("missed"));
            assertNull(stream.next("notification", id(recent), Duration.ofSeconds(3)), "nothing twice");
            assertEquals(1, notificationsOf(recent));
            assertEquals(0, notificationsOf(old));
        }
    }

    @Test
    void aHundredDeliveriesOfOneReminderDueMakeOneNotification() throws Exception {
        try (SseStream stream = stream(token)) {
            JsonNode task = create(token, "{\"title\":\"Once\",\"reminders\":[{\"at\":\"" + Instant.now().plusSeconds(1) + "\"}]}");
            assertNotNull(stream.next("notification", id(task), Duration.ofSeconds(10)));
            ConsumerRecord<String, byte[]> due = published("reminders", id(task));

            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", platform.settings.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 100; i++) {
                    ProducerRecord<String, byte[]> copy = new ProducerRecord<>("reminders", due.key(), due.value());
                    due.headers().forEach(h -> copy.headers().add(h));
                    producer.send(copy);
                }
                producer.flush();
            }

            await("notify has taken all copies", Duration.ofSeconds(30), () -> caughtUp("kadence-notify-reminders", "reminders"));
            assertEquals(1, notificationsOf(task));
            assertNull(stream.next("notification", id(task), Duration.ofMillis(500)), "no second notification on the stream");
        }
    }

    @Test
    void aUsersStreamNeverCarriesAnotherUsersEvents() {
        String other = platform.signup("other@example.com", "UTC");
        try (SseStream mine = stream(token); SseStream theirs = stream(other)) {
            String at = Instant.now().plusSeconds(2).toString();
            JsonNode myTask = create(token, "{\"title\":\"Mine\",\"reminders\":[{\"at\":\"" + at + "\"}]}");
            JsonNode theirTask = create(other, "{\"title\":\"Theirs\",\"reminders\":[{\"at\":\"" + at + "\"}]}");

            assertNotNull(mine.next("notification", id(myTask), Duration.ofSeconds(10)));
            assertNotNull(theirs.next("notification", id(theirTask), Duration.ofSeconds(10)));
            assertNull(mine.next("notification", id(theirTask), Duration.ofSeconds(1)), "their reminder is not on my stream");

            Set<String> myUser = Set.of(myTask.get("user_id").asText());
            Set<String> theirUser = Set.of(theirTask.get("user_id").asText());
            assertTrue(mine.all().stream().anyMatch(e -> e.name().equals("task")), "my task's changes are on my stream");
            assertEquals(Set.of(), foreign(mine.all(), theirTask, myUser));
            assertEquals(Set.of(), foreign(theirs.all(), myTask, theirUser));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** Events on a stream that mention {@code foreignTask} or carry a user id other than the stream's own. */
    private static Set<String> foreign(List<SseStream.Event> events, JsonNode foreignTask, Set<String> own) {
        return events.stream().filter(e -> e.data().contains(id(foreignTask))
                || (tree(e.data()).has("user_id") && !own.contains(tree(e.data()).get("user_id").asText())))
            .map(SseStream.Event::data).collect(Collectors.toSet());
    }

    private SseStream stream(String token) {
        HttpResponse<String> ticket = http("POST", api("/notifications/stream-tickets"), token, null);
        assertEquals(201, ticket.statusCode(), ticket.body());
        return SseStream.connect(api("/notifications/stream?ticket=" + tree(ticket.body()).get("ticket").asText()));
    }

    private JsonNode create(String token, String body) {
        HttpResponse<String> r = http("POST", api("/tasks"), token, body);
        assertEquals(201, r.statusCode(), r.body());
        return tree(r.body());
    }

    private JsonNode reminder(String token, JsonNode task) {
        return tree(http("GET", api("/tasks/" + id(task)), token, null).body()).get("reminders").get(0);
    }

    private long notificationsOf(JsonNode task) {
        return count(platform.settings, Settings.DATABASE, "select count(*) from notifications where task_id = ?::uuid", id(task));
    }

    private void sql(String statement) {
        try (var c = java.sql.DriverManager.getConnection(platform.settings.jdbcUrl(Settings.DATABASE), Settings.DATABASE_USER,
                Settings.DATABASE_PASSWORD); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record a function published on {@code topic} about {@code taskId}, read from the broker. */
    private ConsumerRecord<String, byte[]> published(String topic, String taskId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", platform.settings.kafkaBootstrap()),
            new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (taskId.equals(r.key())) {
                        return r;
                    }
                }
            }
            throw new AssertionError("nothing about " + taskId + " on " + topic);
        }
    }

    /** Whether consumer group {@code group} has committed everything on {@code topic}. */
    private boolean caughtUp(String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.settings.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().filter(tp -> tp.topic().equals(topic))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return !latest.isEmpty() && latest.keySet().stream().allMatch(tp -> committed.get(tp).offset() >= ends.get(tp).offset());
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String api(String path) {
        return platform.frontDoor("/api/v1" + path);
    }

    private static String id(JsonNode task) {
        return task.get("id").asText();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
