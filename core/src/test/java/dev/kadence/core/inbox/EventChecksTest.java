package dev.kadence.core.inbox;

import dev.kadence.core.error.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.kadence.core.inbox.IncomingEventsTest.TASK;
import static dev.kadence.core.inbox.IncomingEventsTest.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The input hygiene of events: what a delivery carries is checked once, at the inbox's boundary, with field errors. */
class EventChecksTest {
    private static final String IDS = "\"task_id\":\"" + TASK + "\",\"user_id\":\"" + USER + "\"";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(Consumer<Map<String, String>> change) {
        Map<String, String> headers = IncomingEventsTest.kafkaSourceHeaders();
        change.accept(headers);
        return headers;
    }

    private static Arguments binary(String name, String data, String field, String code) {
        return Arguments.of(name, headers(h -> { }), bytes(data), field, code);
    }

    private static Arguments structured(String name, String event, String field, String code) {
        return Arguments.of(name, Map.of("Content-Type", "application/cloudevents+json"), bytes(event), field, code);
    }

    static Stream<Arguments> hostile() {
        String structured = "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/kadence/task-crud\",\"type\":\"dev.kadence.task.updated\","
            + "\"subject\":\"%s\",\"datacontenttype\":\"application/json\",\"data\":{" + IDS + "}%s}";
        return Stream.of(
            binary("NUL in a string of the data", "{" + IDS + ",\"task\":{\"title\":\"a\\u0000b\"}}", "data.task.title", "invalid_character"),
            binary("escape in a string of the data", "{" + IDS + ",\"task\":{\"title\":\"a\\u001bb\"}}", "data.task.title", "invalid_character"),
            binary("a high surrogate alone", "{" + IDS + ",\"change\":\"\\ud800x\"}", "data.change", "invalid_character"),
            binary("a low surrogate alone", "{" + IDS + ",\"task\":{\"tags\":[\"ok\",\"\\udc00\"]}}", "data.task.tags[1]", "invalid_character"),
            binary("a control character in a name", "{" + IDS + ",\"task\":{\"ti\\u0007tle\":\"x\"}}", "data.task", "invalid_character"),
            binary("a due time after the year 9999", "{" + IDS + ",\"due_at\":\"+300000-01-01T00:00:00Z\"}", "data.due_at", "out_of_range"),
            binary("a due time before the year 1", "{" + IDS + ",\"due_at\":\"-5000-01-01T00:00:00Z\"}", "data.due_at", "out_of_range"),
            binary("a time that is no time", "{" + IDS + ",\"fire_at\":\"tomorrow\"}", "data.fire_at", "invalid_datetime"),
            binary("a time without offset", "{" + IDS + ",\"fire_at\":\"2026-12-01T09:00:00\"}", "data.fire_at", "invalid_datetime"),
            binary("a time as a number", "{" + IDS + ",\"fire_at\":1764579600}", "data.fire_at", "invalid_datetime"),
            binary("a reminder time out of range", "{" + IDS + ",\"task\":{\"reminders\":[{\"at\":\"+10000-01-01T00:00:00Z\"}]}}",
                "data.task.reminders[0].at", "out_of_range"),
            binary("a next occurrence out of range", "{" + IDS + ",\"task\":{\"recurrence\":{\"next_occurrences\":"
                + "[\"2026-12-04T13:00:00Z\",\"+300000-01-01T00:00:00Z\"]}}}", "data.task.recurrence.next_occurrences[1]", "out_of_range"),
            binary("next occurrences not a list", "{" + IDS + ",\"task\":{\"recurrence\":{\"next_occurrences\":\"2026-12-04T13:00:00Z\"}}}",
                "data.task.recurrence.next_occurrences", "not_an_array"),
            binary("a task id that is no UUID", "{\"task_id\":\"t-1\",\"user_id\":\"" + USER + "\"}", "data.task_id", "invalid_id"),
            binary("a user id as a number", "{\"task_id\":\"" + TASK + "\",\"user_id\":42}", "data.user_id", "invalid_id"),
            binary("an id as an object", "{" + IDS + ",\"series_id\":{\"id\":\"x\"}}", "data.series_id", "invalid_id"),
            binary("no user id", "{\"task_id\":\"" + TASK + "\"}", "data.user_id", "required"),
            binary("a null task id", "{\"task_id\":null,\"user_id\":\"" + USER + "\"}", "data.task_id", "required"),
            binary("no data", "", "data", "required"),
            binary("an array as data", "[1,2]", "data", "not_an_object"),
            binary("a string as data", "\"hello\"", "data", "not_an_object"),
            binary("broken JSON", "{\"task_id\": ", "data", "malformed_json"),
            binary("something after the object", "{" + IDS + "} {}", "data", "malformed_json"),
            binary("nested beyond the parser's limit", "{" + IDS + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "data", "malformed_json"),
            binary("nested deeper than the API's bodies may", "{" + IDS + ",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}", "data", "malformed_json"),
            binary("a number longer than the parser takes", "{" + IDS + ",\"instance\":" + "9".repeat(5000) + "}", "data", "malformed_json"),
            binary("data over 256 KiB", "{" + IDS + ",\"task\":{\"description\":\"" + "x".repeat(EventChecks.MAX_DATA_BYTES) + "\"}}",
                "data", "too_large"),
            binary("more than 10,000 values", "{" + IDS + ",\"x\":[" + "1,".repeat(EventChecks.MAX_VALUES) + "1]}", "data", "too_large"),
            Arguments.of("bytes that are not UTF-8", headers(h -> { }), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "data", "malformed_json"),
            Arguments.of("data that is not JSON", headers(h -> h.put("Content-Type", "text/plain")), bytes("{" + IDS + "}"),
                "datacontenttype", "unsupported_media_type"),
            Arguments.of("a time after the year 9999", headers(h -> h.put("ce-time", "+300000-01-01T00:00:00Z")), bytes("{" + IDS + "}"),
                "time", "out_of_range"),
            Arguments.of("an id of 300 characters", headers(h -> h.put("ce-id", "x".repeat(300))), bytes("{" + IDS + "}"), "id", "too_long"),
            Arguments.of("a subject of 300 characters", headers(h -> h.put("ce-subject", "x".repeat(300))), bytes("{" + IDS + "}"),
                "subject", "too_long"),
            structured("a NUL in the id (structured mode)", structured.formatted("e\\u0000", TASK, ""), "id", "invalid_character"),
            structured("a line feed in the subject (structured mode)", structured.formatted("e-1", "t\\nforged log line", ""),
                "subject", "invalid_character"),
            structured("a control character in an extension (structured mode)", structured.formatted("e-1", TASK, ",\"traceparent\":\"a\\u0001\""),
                "traceparent", "invalid_character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRejectedWithAFieldError(String name, Map<String, String> headers, byte[] body, String field, String code) {
        UnprocessableEvent rejected = catchThrowableOfType(UnprocessableEvent.class, () -> IncomingEvents.read(headers, body));

        assertThat(rejected).as(name).isNotNull();
        assertThat(rejected.code().status()).isEqualTo(400);
        assertThat(rejected.errors()).as(rejected.getMessage()).extracting(FieldError::field, FieldError::code)
            .contains(org.assertj.core.groups.Tuple.tuple(field, code));
        assertThat(rejected.getMessage()).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]");
    }

    @Test
    void aTaskSnapshotAsTaskCrudPublishesItPasses() {
        String data = """
            {"task_id":"%1$s","user_id":"%2$s","change":"created","task":{"id":"%1$s","user_id":"%2$s","title":"Weekly report\\n📊",
             "description":null,"priority":"high","status":"todo","tags":["work"],"due_at":"2026-12-04T13:00:00Z","completed_at":null,
             "created_at":"2026-11-22T02:59:52.588126Z","updated_at":"2026-11-22T02:59:52.588126Z",
             "recurrence":{"series_id":"4d751616-12e6-46c1-87af-d4236b58c674","rule":"FREQ=WEEKLY;BYDAY=FR","timezone":"Europe/Berlin",
              "mode":"schedule","status":"active","summary":"every Friday at 14:00, Europe/Berlin","instance":1,"missed_count":0,
              "next_occurrences":["2026-12-04T13:00:00Z","2026-12-11T13:00:00Z"]},
             "reminders":[{"id":"a4a26f3f-552b-416e-bf03-7ef35dae83a6","task_id":"%1$s","at":null,"before_due":"PT15M",
              "fire_at":"2026-12-04T12:45:00Z","status":"pending"}]}}""".formatted(TASK, USER);

        assertThatCode(() -> IncomingEvents.read(IncomingEventsTest.kafkaSourceHeaders(), bytes(data))).doesNotThrowAnyException();
    }

    @Test
    void onlyTheFirstTwentyProblemsAreAnswered() {
        String tags = String.join(",", java.util.Collections.nCopies(500, "\"\\u0000\""));

        UnprocessableEvent rejected = catchThrowableOfType(UnprocessableEvent.class, () ->
            IncomingEvents.read(IncomingEventsTest.kafkaSourceHeaders(), bytes("{" + IDS + ",\"task\":{\"tags\":[" + tags + "]}}")));

        assertThat(rejected.errors()).hasSize(EventChecks.MAX_ERRORS);
        assertThat(rejected.getMessage()).startsWith("not an event Kadence can process: 500 problems, the first: data.task.tags[0]");
    }
}
