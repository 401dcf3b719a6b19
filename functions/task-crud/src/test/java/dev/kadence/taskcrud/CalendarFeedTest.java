package dev.kadence.taskcrud;

import dev.kadence.core.recurrence.NextOccurrence;
import dev.kadence.testkit.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryImpl;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar feed as a calendar app sees it: parsed by ical4j, at a URL that only its token opens. */
@MicronautTest(transactional = false)
class CalendarFeedTest extends ApiTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Period<LocalDateTime> YEARS_CHECKED =
        new Period<>(LocalDateTime.of(2027, 1, 2, 0, 0), LocalDateTime.of(2035, 1, 1, 0, 0));

    @Test
    void feedListsTheUsersOpenTasksWithDueTimesAsEvents() throws Exception {
        User alice = signup();
        User bob = signup();
        String description = "Bring: pens, paper; the \\ key\nand a long line " + "ünïcødé ✓ ".repeat(20) + "end";
        String plain = createTask(alice, Map.of("title", "Call Ann, then Bob; ask", "description", description,
            "priority", "high", "tags", List.of("work", "phone"), "due_at", "2027-03-01T10:00:00Z",
            "reminders", List.of(Map.of("before_due", "PT30M"), Map.of("at", "2027-03-01T08:00:00Z")))).id();
        createTask(alice, Map.of("title", "Weekly report", "priority", "low", "due_at", "2027-01-08T09:00:00-05:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=FR", "timezone", "America/New_York"),
            "reminders", List.of(Map.of("before_due", "P1D"))));
        String done = createTask(alice, Map.of("title", "Already done", "due_at", "2027-02-01T10:00:00Z")).id();
        assertThat(call("POST", "/api/v1/tasks/" + done + "/complete", alice, null).status()).isEqualTo(200);
        createTask(alice, Map.of("title", "Water plants", "due_at", "2027-03-03T08:00:00Z",
            "recurrence", Map.of("rule", "FREQ=DAILY;INTERVAL=3", "mode", "completion")));
        String stopped = createTask(alice, Map.of("title", "Old habit", "due_at", "2027-03-04T08:00:00Z",
            "recurrence", Map.of("rule", "FREQ=DAILY"))).id();
        assertThat(call("DELETE", "/api/v1/tasks/" + stopped + "/recurrence", alice, null).status()).isEqualTo(200);
        createTask(alice, Map.of("title", "Someday"));
        createTask(bob, Map.of("title", "Bob's secret", "due_at", "2027-03-02T10:00:00Z"));

        HttpResponse<String> answer = get(feedPath(alice), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(answer.body()).endsWith("END:VCALENDAR\r\n").doesNotContain("secret").doesNotContain("\n\n");
        for (String line : answer.body().split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        Calendar calendar = parse(answer.body());
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).extracting(e -> text(e, Property.SUMMARY))
            .containsExactly("Weekly report", "Call Ann, then Bob; ask", "Water plants", "Old habit");
        assertThat(events.subList(2, 4)).allSatisfy(single -> {
            assertThat(text(single, Property.UID)).startsWith("task-");
            assertThat(single.getProperty(Property.RRULE)).as("a completion-mode or stopped series is its open task").isEmpty();
        });

        VEvent call = events.get(1);
        assertThat(text(call, Property.UID)).isEqualTo("task-" + plain + "@kadence");
        assertThat(text(call, Property.DESCRIPTION)).isEqualTo(description);
        assertThat(text(call, Property.CATEGORIES)).isEqualTo("work,phone");
        assertThat(text(call, Property.PRIORITY)).isEqualTo("1");
        assertThat(Instant.from(call.getStartDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2027-03-01T10:00:00Z"));
        assertThat(call.getAlarms()).extracting(a -> text(a, Property.TRIGGER)).containsExactlyInAnyOrder("-PT30M", "-PT2H");

        VEvent report = events.get(0);
        assertThat(text(report, Property.UID)).startsWith("series-");
        assertThat(text(report, Property.RRULE)).isEqualTo("FREQ=WEEKLY;BYDAY=FR");
        assertThat(text(report, Property.PRIORITY)).isEqualTo("9");
        assertThat(report.getAlarms()).hasSize(1);
        assertThat(answer.body()).contains("TRIGGER:-PT24H\r\n").doesNotContain("TRIGGER:-P1D");
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).extracting(z -> text(z, Property.TZID))
            .containsExactly("America/New_York");
    }

    @Test
    void aSeriesIsOneEventWhoseOccurrencesAcrossDstAreTheEnginesOnes() throws Exception {
        User user = signup();
        String first = createTask(user, Map.of("title", "Standup", "due_at", "2027-01-08T09:00:00-05:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=FR", "timezone", "America/New_York"))).id();
        assertThat(call("POST", "/api/v1/tasks/" + first + "/complete", user, null).status()).isEqualTo(200);
        openNextInstanceAsRecurrenceHandlerWould(first, "2027-01-15T14:00:00Z");
        for (String zone : List.of("Europe/Berlin", "Australia/Sydney", "Asia/Tokyo")) {
            createTask(user, Map.of("title", "In " + zone, "due_at", "2027-01-15T09:00:00Z",
                "recurrence", Map.of("rule", "FREQ=MONTHLY", "timezone", zone)));
        }
        Calendar calendar = parse(get(feedPath(user), null).body());

        List<VEvent> series = calendar.<VEvent>getComponents(Component.VEVENT).stream()
            .filter(e -> text(e, Property.SUMMARY).equals("Standup")).toList();
        assertThat(series).hasSize(1);
        ZonedDateTime from = ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, NEW_YORK);
        ZonedDateTime to = from.plusYears(1);
        Set<Period<Temporal>> periods = series.get(0).calculateRecurrenceSet(new Period<>(from, to));
        List<Instant> fromFeed = periods.stream().map(p -> Instant.from(p.getStart())).sorted().toList();

        List<Instant> fromEngine = NextOccurrence.upcoming("FREQ=WEEKLY;BYDAY=FR", NEW_YORK,
                Instant.parse("2027-01-08T14:00:00Z"), from.toInstant().minusSeconds(1), 60).stream()
            .filter(i -> i.isBefore(to.toInstant())).toList();
        assertThat(fromFeed).hasSize(52).isEqualTo(fromEngine);
        assertThat(fromFeed).allSatisfy(i -> assertThat(i.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        assertThat(fromFeed).extracting(i -> i.atZone(ZoneOffset.UTC).getHour()).containsOnly(13, 14);

        for (VTimeZone zone : calendar.<VTimeZone>getComponents(Component.VTIMEZONE)) {
            ZoneId id = ZoneId.of(text(zone, Property.TZID));
            assertThat(onsets(zone, YEARS_CHECKED)).as(id.getId()).isEqualTo(transitions(id, YEARS_CHECKED));
        }
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).hasSize(4);
    }

    @Test
    void revokedAndRotatedUrlsAreNotFound() {
        User user = signup();
        assertThat(call("GET", "/api/v1/calendar/feed", user, null).json()).containsEntry("exists", false);
        Response created = call("POST", "/api/v1/calendar/feed", user, null);
        assertThat(created.status()).isEqualTo(201);
        String path = (String) created.json().get("path");
        assertThat((String) created.json().get("url")).endsWith(path).startsWith("http");
        assertThat(call("GET", "/api/v1/calendar/feed", user, null).json()).containsEntry("exists", true)
            .containsEntry("created_at", created.json().get("created_at"));
        assertThat(count("select count(*) from calendar_feeds where token_hash = convert_to(?, 'UTF8')",
            path.substring(path.lastIndexOf('/') + 1, path.length() - 4))).isZero();

        HttpResponse<String> first = get(path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, max-age=300");
        assertThat(get(path, etag).statusCode()).isEqualTo(304);
        createTask(user, Map.of("title", "New", "due_at", "2027-03-02T10:00:00Z"));
        assertThat(get(path, etag).statusCode()).isEqualTo(200);

        String rotated = feedPath(user);
        assertThat(rotated).isNotEqualTo(path);
        assertNotFound(path);
        assertThat(get(rotated, null).statusCode()).isEqualTo(200);

        assertThat(call("DELETE", "/api/v1/calendar/feed", user, null).status()).isEqualTo(204);
        assertNotFound(rotated);
        assertThat(call("GET", "/api/v1/calendar/feed", user, null).json()).containsEntry("exists", false);
        assertNotFound("/api/v1/calendar/" + "A".repeat(43) + ".ics");
        assertNotFound("/api/v1/calendar/feed.ics");
        assertNotFound(rotated.substring(0, rotated.length() - 4));
        assertThat(call("POST", "/api/v1/calendar/feed", null, null).status()).isEqualTo(401);
    }

    /** The changes of offset a VTIMEZONE's observances make in the years, as ical4j expands them: onset → offset after. */
    private static Map<Instant, ZoneOffset> onsets(VTimeZone zone, Period<LocalDateTime> years) {
        Map<Instant, ZoneOffset> onsets = new java.util.TreeMap<>();
        for (Observance o : zone.getObservances()) {
            ZoneOffset from = o.<TzOffsetFrom>getRequiredProperty(Property.TZOFFSETFROM).getOffset();
            ZoneOffset to = o.<TzOffsetTo>getRequiredProperty(Property.TZOFFSETTO).getOffset();
            for (Period<LocalDateTime> onset : o.<LocalDateTime>calculateRecurrenceSet(years)) {
                if (!from.equals(to)) {
                    onsets.put(onset.getStart().toInstant(from), to);
                }
            }
        }
        return onsets;
    }

    /** The JDK's transitions of {@code zone} in the years (read as UTC): when → offset after. */
    private static Map<Instant, ZoneOffset> transitions(ZoneId zone, Period<LocalDateTime> years) {
        Map<Instant, ZoneOffset> transitions = new java.util.TreeMap<>();
        Instant end = years.getEnd().toInstant(ZoneOffset.UTC);
        for (var t = zone.getRules().nextTransition(years.getStart().toInstant(ZoneOffset.UTC)); t != null
            && t.getInstant().isBefore(end); t = zone.getRules().nextTransition(t.getInstant())) {
            transitions.put(t.getInstant(), t.getOffsetAfter());
        }
        return transitions;
    }

    private void openNextInstanceAsRecurrenceHandlerWould(String done, String due) {
        tx.executeWrite(status -> sql.update("""
            insert into tasks (id, user_id, title, description, priority, status, tags, due_at, series_id, series_instance,
                               created_at, updated_at)
            select gen_random_uuid(), user_id, title, description, priority, 'todo', tags, ?::timestamptz, series_id,
                   series_instance + 1, now(), now()
            from tasks where id = ?""", List.of(due, java.util.UUID.fromString(done))));
    }

    private void assertNotFound(String path) {
        Response r = send("GET", path, null, null, null);
        assertThat(r.status()).as(path).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json()).containsEntry("code", "not_found");
    }

    private String feedPath(User user) {
        Response r = call("POST", "/api/v1/calendar/feed", user, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return (String) r.json().get("path");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return Http.send(request.build());
    }

    /**
     * The feed as ical4j reads it, each TZID being the JDK's zone of that id: ical4j 4.0.8 turns a VTIMEZONE into zone
     * rules wrongly (BYDAY=2SU becomes "on or after the 2nd", the onset's wall time is read as UTC), so the feed's
     * VTIMEZONEs are checked against the JDK's rules observance by observance instead.
     */
    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder(CalendarParserFactory.getInstance().get(), new JdkZones()).build(new StringReader(ics));
    }

    private static final class JdkZones extends TimeZoneRegistryImpl {
        @Override
        public ZoneId getZoneId(String tzid) {
            return ZoneId.of(tzid);
        }

        @Override
        public String getTzId(String zoneId) {
            return zoneId;
        }
    }

    private static String text(Component c, String property) {
        return c.getProperty(property).map(Property::getValue).orElse(null);
    }
}
