package dev.kadence.taskcrud;

import dev.kadence.core.web.BearerTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input answers a 4xx problem+json that names the problem and the field, and stores nothing. */
@MicronautTest(transactional = false)
class BadInputTest extends ApiTest {
    @Inject
    BearerTokens tokens;

    static void assertProblem(Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json()).containsEntry("status", status).containsKeys("type", "title", "detail");
        assertThat(r.json().get("type")).isEqualTo("urn:kadence:problem:" + r.json().get("code"));
        if (field == null) {
            assertThat(r.json()).containsEntry("code", code);
        } else {
            assertThat(r.json()).containsEntry("code", "validation_failed");
            assertThat(r.errors()).as(r.body()).anySatisfy(e -> {
                assertThat(e).containsEntry("field", field);
                assertThat(e).containsEntry("code", code);
                assertThat((String) e.get("message")).isNotBlank();
            });
        }
    }

    static Stream<Arguments> badTasks() {
        return Stream.of(
            Arguments.of("no title", Map.of("priority", "high"), "required", "title"),
            Arguments.of("empty title", Map.of("title", "   "), "empty", "title"),
            Arguments.of("title of zero-width spaces", Map.of("title", "\u200b\u200b"), "empty", "title"),
            Arguments.of("title of invisible characters", Map.of("title", " \u200c\u200d\u2060\ufeff "), "empty", "title"),
            Arguments.of("title over 500", Map.of("title", "x".repeat(501)), "too_long", "title"),
            Arguments.of("title not a string", Map.of("title", 42), "not_a_string", "title"),
            Arguments.of("description over 10000", Map.of("title", "t", "description", "d".repeat(10_001)), "too_long", "description"),
            Arguments.of("unknown priority", Map.of("title", "t", "priority", "urgent"), "invalid_priority", "priority"),
            Arguments.of("unknown status", Map.of("title", "t", "status", "blocked"), "invalid_status", "status"),
            Arguments.of("date without offset", Map.of("title", "t", "due_at", "2026-12-01T09:00:00"), "invalid_datetime", "due_at"),
            Arguments.of("not a date", Map.of("title", "t", "due_at", "tomorrow"), "invalid_datetime", "due_at"),
            Arguments.of("unknown zone", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=FR", "timezone", "Mars/Olympus")), "invalid_timezone", "recurrence.timezone"),
            Arguments.of("unparseable rule", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "EVERY FRIDAY")), "invalid_rule", "recurrence.rule"),
            Arguments.of("never-occurring rule", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")), "never_occurs", "recurrence.rule"),
            Arguments.of("minutely rule", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=MINUTELY")), "unsupported_frequency", "recurrence.rule"),
            Arguments.of("until before start", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=DAILY;UNTIL=20261101T000000Z")), "until_before_start", "recurrence.rule"),
            Arguments.of("unknown mode", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=DAILY", "mode", "sometimes")), "invalid_mode", "recurrence.mode"),
            Arguments.of("recurrence without due date", Map.of("title", "t", "recurrence", Map.of("rule", "FREQ=DAILY")),
                "required_for_recurrence", "due_at"),
            Arguments.of("before_due without due date", Map.of("title", "t", "reminders", List.of(Map.of("before_due", "PT15M"))),
                "due_at_required", "reminders[0].before_due"),
            Arguments.of("bad duration", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "reminders", List.of(Map.of("before_due", "15 minutes"))), "invalid_duration", "reminders[0].before_due"),
            Arguments.of("reminder with both kinds", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "reminders", List.of(Map.of("before_due", "PT15M", "at", "2026-12-04T13:00:00Z"))), "invalid_reminder", "reminders[0]"),
            Arguments.of("empty tag", Map.of("title", "t", "tags", List.of("ok", " ")), "empty", "tags"),
            Arguments.of("tag of zero-width spaces", Map.of("title", "t", "tags", List.of("ok", "\u200b")), "empty", "tags"),
            Arguments.of("add_tags outside PATCH", Map.of("title", "t", "add_tags", List.of("x")), "patch_only", "add_tags"),
            Arguments.of("NUL in the title", Map.of("title", "a\u0000b"), "invalid_character", "title"),
            Arguments.of("control character in the description", Map.of("title", "t", "description", "x\u001by"),
                "invalid_character", "description"),
            Arguments.of("due after the year 9999", Map.of("title", "t", "due_at", "+300000-01-01T00:00:00Z"), "out_of_range", "due_at"),
            Arguments.of("due at the end of Java's time", Map.of("title", "t", "due_at", "+999999999-12-31T23:59:59Z"), "out_of_range", "due_at"),
            Arguments.of("due before the year 1", Map.of("title", "t", "due_at", "-5000-01-01T00:00:00Z"), "out_of_range", "due_at"),
            Arguments.of("reminder after the year 9999", Map.of("title", "t", "reminders", List.of(Map.of("at", "+300000-01-01T00:00:00Z"))),
                "out_of_range", "reminders[0].at"),
            Arguments.of("an interval that costs minutes", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=DAILY;INTERVAL=2147483647")), "interval_too_large", "recurrence.rule"),
            Arguments.of("an interval over 1000", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=DAILY;INTERVAL=1001")), "interval_too_large", "recurrence.rule"),
            Arguments.of("a rule of a megabyte (0.8 s and 32 MB to parse)", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=MONTHLY;BYMONTHDAY=" + "1,".repeat(400_000) + "1")), "too_long", "recurrence.rule"),
            Arguments.of("a BY list longer than its values", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=MONTHLY;BYMONTHDAY=" + "1,".repeat(40) + "1")), "rule_too_complex", "recurrence.rule"),
            Arguments.of("every minute of every hour of every day of the year", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=YEARLY;BYYEARDAY=" + numbers(1, 366) + ";BYHOUR=" + numbers(0, 23)
                    + ";BYMINUTE=" + numbers(0, 59))), "rule_too_complex", "recurrence.rule"),
            Arguments.of("BYSETPOS among BYYEARDAY's days (seconds of lib-recur's retries)", Map.of("title", "t",
                "due_at", "2026-12-04T14:00:00Z", "recurrence", Map.of("rule", "FREQ=YEARLY;BYYEARDAY=" + numbers(1, 366)
                    + ";BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2")), "rule_too_complex", "recurrence.rule"),
            Arguments.of("a BYSETPOS no period has (a 500 before)", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7;BYDAY=MO;BYSETPOS=2")), "never_occurs", "recurrence.rule"),
            Arguments.of("a COUNT that takes more than the budget to count", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=HOURLY;BYHOUR=9;COUNT=1000")), "rule_too_complex", "recurrence.rule"),
            Arguments.of("UNTIL in the year 0", Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
                "recurrence", Map.of("rule", "FREQ=DAILY;UNTIL=00000101T000000Z")), "until_out_of_range", "recurrence.rule"));
    }

    static String numbers(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(String::valueOf)
            .collect(java.util.stream.Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTasks")
    void badTaskIsRefusedAndNothingStored(String name, Map<String, Object> body, String code, String field) {
        User user = signup();
        long outboxBefore = count("select count(*) from outbox");
        assertProblem(call("POST", "/api/v1/tasks", user, body), 400, code, field);
        assertThat(count("select count(*) from tasks where user_id = ?", user.id())).isZero();
        assertThat(count("select count(*) from tags where user_id = ?", user.id())).isZero();
        assertThat(count("select count(*) from series where user_id = ?", user.id())).isZero();
        assertThat(count("select count(*) from outbox")).isLessThanOrEqualTo(outboxBefore);
    }

    @Test
    void badUpdateLeavesTheTaskAsItWas() {
        User user = signup();
        String id = createTask(user, Map.of("title", "keep me", "priority", "high", "tags", List.of("a"))).id();
        assertProblem(call("PATCH", "/api/v1/tasks/" + id, user, Map.of("title", "", "priority", "low")), 400, "empty", "title");
        assertProblem(call("PUT", "/api/v1/tasks/" + id, user, Map.of("title", "new", "status", "nope")), 400, "invalid_status", "status");
        Map<String, Object> nullPriority = new java.util.HashMap<>();
        nullPriority.put("priority", null);
        assertProblem(call("PATCH", "/api/v1/tasks/" + id, user, nullPriority), 400, "required", "priority");
        Response now = call("GET", "/api/v1/tasks/" + id, user, null);
        assertThat(now.json()).containsEntry("title", "keep me").containsEntry("priority", "high");
    }

    @Test
    void malformedJsonWrongTypeAndOversizedBodies() {
        User user = signup();
        assertProblem(send("POST", "/api/v1/tasks", user.token(), "{\"title\": ", "application/json"), 400, "malformed_json", null);
        assertProblem(send("POST", "/api/v1/tasks", user.token(), "[1, 2]", "application/json"), 400, "not_an_object", "body");
        assertProblem(send("POST", "/api/v1/tasks", user.token(), "title=hello", "text/plain"), 415, "unsupported_media_type", null);
        String huge = "{\"title\": \"t\", \"description\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(send("POST", "/api/v1/tasks", user.token(), huge, "application/json"), 413, "payload_too_large", null);
        assertThat(count("select count(*) from tasks where user_id = ?", user.id())).isZero();
    }

    @Test
    void aRequestLineOrHeadOverNettysLimitsIs431NotBodyTooLarge() {
        User user = signup();
        assertProblem(send("GET", "/api/v1/tasks?search=" + "x".repeat(5000), user.token(), null, null), 431, "headers_too_large", null);
        assertProblem(send("GET", "/api/v1/tasks", "x".repeat(9000), null, null), 431, "headers_too_large", null);
    }

    @Test
    void anythingAfterTheJsonValueIsMalformedAndNothingIsStored() {
        User user = signup();
        for (String body : List.of("{\"title\": \"x\"} garbage", "{} {}", "{\"title\": \"x\"} {\"title\": \"y\"}",
            "{\"title\": \"x\"}}", "{\"title\": \"x\"}\u0000")) {
            assertProblem(send("POST", "/api/v1/tasks", user.token(), body, "application/json"), 400, "malformed_json", null);
        }
        assertProblem(send("POST", "/api/v1/auth/signup", null, "{\"email\": \"t@example.com\", \"password\": \"correct horse\"} x",
            "application/json"), 400, "malformed_json", null);
        assertThat(count("select count(*) from tasks where user_id = ?", user.id())).isZero();
        assertThat(send("POST", "/api/v1/tasks", user.token(), " {\"title\": \"x\"} \r\n\t ", "application/json").status())
            .as("white space around the value is fine").isEqualTo(201);
    }

    @Test
    void bodiesOfTooManyValuesOrTooDeepAreRefusedBeforeTheyAreRead() {
        User user = signup();
        String manyTags = "{\"title\": \"t\", \"tags\": [" + "\"t\",".repeat(JsonBodiesLimits.VALUES) + "\"t\"]}";
        assertProblem(send("POST", "/api/v1/tasks", user.token(), manyTags, "application/json"), 413, "payload_too_large", null);
        assertProblem(send("POST", "/api/v1/auth/signup", null, "{\"email\": [" + "0,".repeat(JsonBodiesLimits.VALUES) + "0]}",
            "application/json"), 413, "payload_too_large", null);
        String deep = "{\"title\": \"t\", \"x\": " + "[".repeat(JsonBodiesLimits.DEPTH) + "]".repeat(JsonBodiesLimits.DEPTH) + "}";
        assertProblem(send("POST", "/api/v1/tasks", user.token(), deep, "application/json"), 400, "malformed_json", null);
        String deepEnough = "{\"title\": \"t\", \"x\": " + "[".repeat(JsonBodiesLimits.DEPTH - 2) + "]".repeat(JsonBodiesLimits.DEPTH - 2) + "}";
        assertThat(send("POST", "/api/v1/tasks", user.token(), deepEnough, "application/json").status()).isEqualTo(201);
        assertThat(count("select count(*) from tasks where user_id = ?", user.id())).isEqualTo(1);
    }

    /** core/web/JsonBodies' limits, as the API documents them. */
    private static final class JsonBodiesLimits {
        static final int VALUES = 10_000;
        static final int DEPTH = 32;
    }

    @Test
    void nestedFieldsAndListItemsAreNamedAndCheckedLikeEveryOtherString() {
        User user = signup();
        assertProblem(call("POST", "/api/v1/tasks", user, Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
            "recurrence", Map.of("rule", "FREQ=DAILY", "timezone", "Europe/\u0000Berlin"))), 400, "invalid_character", "recurrence.timezone");
        assertProblem(call("POST", "/api/v1/tasks", user, Map.of("title", "t", "reminders", List.of(Map.of("at", "2026-12-04T14:00:00Z"),
            Map.of("at", "a\u001bb")))), 400, "invalid_character", "reminders[1].at");
        assertProblem(send("POST", "/api/v1/tasks", user.token(), "{\"title\": \"t\", \"tags\": [\"ok\", \"\\ud800\"]}", "application/json"),
            400, "invalid_character", "tags");
        assertProblem(send("PATCH", "/api/v1/tasks/" + createTask(user, Map.of("title", "keep")).id(), user.token(),
            "{\"add_tags\": [\"\\udc00\"]}", "application/json"), 400, "invalid_character", "add_tags");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=DAILY;BYHOUR=" + "1,".repeat(1200) + "1",
            "due_at", "2026-12-04T14:00:00Z")), 400, "too_long", "recurrence.rule");
        assertThat(count("select count(*) from tasks where user_id = ?", user.id())).isEqualTo(1);
        assertThat(count("select count(*) from tags where user_id = ?", user.id())).isZero();
    }

    @Test
    void tagsAddedToATaskStayWithinTheLimitOfATask() {
        User user = signup();
        List<String> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).toList();
        String id = createTask(user, Map.of("title", "full", "tags", twenty)).id();

        assertProblem(call("PATCH", "/api/v1/tasks/" + id, user, Map.of("add_tags", List.of("one-more"))), 400, "too_many", "add_tags");
        assertThat(call("PATCH", "/api/v1/tasks/" + id, user, Map.of("add_tags", List.of("one-more"), "remove_tags", List.of("t1")))
            .status()).as("one in, one out").isEqualTo(200);
        assertThat(count("select cardinality(tags) from tasks where id = ?::uuid", id)).isEqualTo(20);
        assertThat(count("select count(*) from tags where user_id = ? and name = 'one-more'", user.id())).isEqualTo(1);
    }

    @Test
    void aValidTokenOfAnAccountThatDoesNotExistWritesNothing() {
        String ghost = tokens.issue(UUID.randomUUID(), null, Duration.ofSeconds(3600)).value();
        assertProblem(send("POST", "/api/v1/tasks", ghost, "{\"title\": \"t\"}", "application/json"), 401, "unauthenticated", null);
        assertProblem(send("POST", "/api/v1/tags", ghost, "{\"name\": \"n\"}", "application/json"), 401, "unauthenticated", null);
        assertProblem(send("GET", "/api/v1/me", ghost, null, null), 401, "unauthenticated", null);
    }

    @Test
    void halfASurrogatePairAndHostileCredentials() {
        User user = signup();
        assertProblem(send("POST", "/api/v1/tasks", user.token(), "{\"title\": \"\\uD800x\"}", "application/json"),
            400, "invalid_character", "title");
        assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", "a\u0000@example.com", "password", "correct horse")),
            400, "invalid_character", "email");
        assertProblem(call("POST", "/api/v1/auth/login", null, Map.of("email", user.email(), "password", "p".repeat(100))),
            401, "invalid_credentials", null);
        assertProblem(call("POST", "/api/v1/auth/login", null, Map.of("email", "nobody@example.com", "password", "p".repeat(100))),
            401, "invalid_credentials", null);
        assertProblem(call("GET", "/api/v1/tasks?due_from=%2B300000-01-01T00:00:00Z", user, null), 400, "out_of_range", "due_from");
        assertProblem(call("GET", "/api/v1/tasks?search=a%00b", user, null), 400, "invalid_character", "search");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=DAILY;INTERVAL=1000000000",
            "due_at", "2026-12-04T14:00:00Z")), 400, "interval_too_large", "recurrence.rule");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=DAILY",
            "due_at", "+300000-01-01T00:00:00Z")), 400, "out_of_range", "due_at");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=1000",
            "due_at", "2026-12-04T14:00:00Z")), 400, "rule_too_complex", "recurrence.rule");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "due_at", "2026-12-04T14:00:00Z")), 400, "rule_too_complex", "recurrence.rule");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2",
            "due_at", "2026-12-04T14:00:00Z")), 400, "rule_too_complex", "recurrence.rule");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=DAILY;UNTIL=00000101",
            "due_at", "2026-12-04T14:00:00Z")), 400, "until_out_of_range", "recurrence.rule");
        assertThat(count("select count(*) from tasks where user_id = ?", user.id())).isZero();
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
            Arguments.of("sort_by=colour", "invalid_sort", "sort_by"),
            Arguments.of("order=up", "invalid_order", "order"),
            Arguments.of("priority=high,extreme", "invalid_priority", "priority"),
            Arguments.of("status=open", "invalid_status", "status"),
            Arguments.of("tag_mode=most", "invalid_tag_mode", "tag_mode"),
            Arguments.of("limit=0", "invalid_limit", "limit"),
            Arguments.of("limit=201", "invalid_limit", "limit"),
            Arguments.of("limit=ten", "invalid_limit", "limit"),
            Arguments.of("due_from=yesterday", "invalid_datetime", "due_from"),
            Arguments.of("completed_to=2026-13-45", "invalid_datetime", "completed_to"),
            Arguments.of("due_from=2026-12-10&due_to=2026-12-01", "empty_range", "due_to"),
            Arguments.of("overdue=maybe", "invalid_boolean", "overdue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badListQuery(String query, String code, String field) {
        User user = signup();
        assertProblem(call("GET", "/api/v1/tasks?" + query, user, null), 400, code, field);
    }

    @Test
    void forgedOrForeignCursorIsRefused() {
        User user = signup();
        for (int i = 0; i < 3; i++) {
            createTask(user, Map.of("title", "t" + i));
        }
        String cursor = (String) list(user, "limit", "1", "sort_by", "title").json().get("next_cursor");
        assertThat(cursor).isNotNull();
        assertProblem(call("GET", "/api/v1/tasks?limit=1&sort_by=title&cursor=garbage", user, null), 400, "invalid_cursor", null);
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        assertProblem(call("GET", "/api/v1/tasks?limit=1&sort_by=title&cursor=" + tampered, user, null), 400, "invalid_cursor", null);
        // a real cursor used with other filters belongs to another result set
        assertProblem(call("GET", "/api/v1/tasks?limit=1&sort_by=due_at&cursor=" + cursor, user, null), 400, "invalid_cursor", null);
    }

    @Test
    void missingInvalidOrExpiredTokenIs401() {
        assertProblem(call("GET", "/api/v1/tasks", null, null), 401, "unauthenticated", null);
        assertProblem(send("GET", "/api/v1/tasks", "not.a.jwt", null, null), 401, "unauthenticated", null);
        User user = signup();
        String expired = tokens.issue(user.id(), null, Duration.ofSeconds(-60)).value();
        assertProblem(send("GET", "/api/v1/tasks", expired, null, null), 401, "unauthenticated", null);
        String forged = user.token().substring(0, user.token().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertProblem(send("GET", "/api/v1/tasks", forged, null, null), 401, "unauthenticated", null);
        assertThat(call("GET", "/api/v1/tasks", null, null).body()).doesNotContain("Exception");
    }

    @Test
    void signupAndLoginMistakes() {
        assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", "not-an-email", "password", "long enough pw")), 400, "invalid_email", "email");
        for (String email : List.of("<script>@example.com", "\"a b\"@example.com", "a@b@example.com", "a@example")) {
            assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", email, "password", "long enough pw")), 400, "invalid_email", "email");
        }
        assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", "a@example.com", "password", "short")), 400, "too_short", "password");
        assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", "b@example.com", "password", "long enough pw", "timezone", "Berlin")), 400, "invalid_timezone", "timezone");
        User user = signup();
        assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", user.email().toUpperCase(), "password", "another password")), 409, "email_taken", null);
        assertProblem(call("POST", "/api/v1/auth/login", null, Map.of("email", user.email(), "password", "wrong password")), 401, "invalid_credentials", null);
        assertProblem(call("POST", "/api/v1/auth/login", null, Map.of("email", "nobody@example.com", "password", "whatever pw")), 401, "invalid_credentials", null);
        assertProblem(call("PATCH", "/api/v1/me", user, Map.of("timezone", "Europe/Nowhere")), 400, "invalid_timezone", "timezone");
        for (String locale : List.of("xx-US", "en_US", "en-ZZ", "", "English")) {
            assertProblem(call("PATCH", "/api/v1/me", user, Map.of("locale", locale)), 400, "invalid_locale", "locale");
        }
        assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", "l" + UUID.randomUUID() + "@example.com",
            "password", "long enough pw", "locale", "qq")), 400, "invalid_locale", "locale");
        assertThat(call("GET", "/api/v1/me", user, null).json()).containsEntry("locale", "en-GB");
    }

    @Test
    void concurrentSignUpsAndTagsOfTheSameNameStoreOneAndAnswerTheOthers409() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        List<Integer> signups = inParallel(6, () -> call("POST", "/api/v1/auth/signup", null,
            Map.of("email", email, "password", "long enough pw")).status());
        assertThat(signups).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);

        User user = signup();
        List<Integer> tags = inParallel(6, () -> call("POST", "/api/v1/tags", user, Map.of("name", "Race")).status());
        assertThat(tags).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(call("GET", "/api/v1/tags", user, null).body()).containsOnlyOnce("\"race\"");
    }

    private static List<Integer> inParallel(int n, Callable<Integer> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        }
    }

    @Test
    void unknownIdsAndRoutesAre404() {
        User user = signup();
        assertProblem(call("GET", "/api/v1/tasks/not-a-uuid", user, null), 404, "not_found", null);
        assertProblem(call("GET", "/api/v1/tasks/" + java.util.UUID.randomUUID(), user, null), 404, "not_found", null);
        assertProblem(call("GET", "/api/v1/nothing-here", user, null), 404, "not_found", null);
        assertProblem(call("DELETE", "/api/v1/reminders/" + java.util.UUID.randomUUID(), user, null), 404, "not_found", null);
    }
}
