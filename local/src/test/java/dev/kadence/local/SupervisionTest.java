package dev.kadence.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.kadence.local.PlatformTestSupport.count;
import static dev.kadence.local.PlatformTestSupport.field;
import static dev.kadence.local.PlatformTestSupport.http;
import static dev.kadence.local.PlatformTestSupport.logLines;
import static dev.kadence.testkit.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The platform supervises like a cluster: a function, the broker or PostgreSQL killed with {@code kill -9} is started
 * again while everything else keeps running; what was stored survives, and the events meant for a function while it
 * (or the database it needs) was down reach it once it is back.
 */
class SupervisionTest extends PlatformPerClass {
    private static final Duration BACK = Duration.ofSeconds(90);
    private String token;

    @BeforeAll
    void signUp() {
        token = platform.signup("supervised-" + System.nanoTime() + "@example.com", "UTC");
    }

    @Test
    void aKilledFunctionIsRestartedWithItsDataAndServesAgain() {
        String before = createTask("written before the crash", null);
        long killed = kill("task-crud");

        await("task-crud runs again as a new process and answers", BACK, () -> pid("task-crud") != killed
            && http("GET", api("/tasks/" + before), token, null).statusCode() == 200);
        assertEquals("written before the crash", field(http("GET", api("/tasks/" + before), token, null).body(), "title"));
        createTask("written after the restart", null);
        assertFalse(logLines(platform.settings, "task-crud", "\"logger\":\"kadence-local\"", "task-crud was killed (signal 9); restarting in").isEmpty(),
            "the restart is in task-crud's log");
        assertEquals(2, logLines(platform.settings, "task-crud", "\"logger\":\"kadence-local\"", "\"message\":\"starting task-crud\"").size(),
            "the log is appended to, not emptied, by the restart");
    }

    @Test
    void anEventMeantForAKilledFunctionReachesItOnceItIsBack() {
        String first = createTask("daily while recurrence-handler is down", "FREQ=DAILY");
        String series = seriesOf(first);
        long killed = kill("recurrence-handler");
        assertEquals(200, http("POST", api("/tasks/" + first + "/complete"), token, null).statusCode());

        await("recurrence-handler is back and has made the next instance", BACK, () -> pid("recurrence-handler") != killed
            && count(platform.settings, Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid and series_instance = 2", series) == 1);
        assertEquals(2, count(platform.settings, Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid", series),
            "one next instance, not one per attempt");
        assertEquals(1, logLines(platform.settings, "recurrence-handler", "dev.kadence.task.completed", first).size(),
            "the completion was handled once, after the restart");
    }

    @Test
    void aKilledBrokerIsRestartedAndEventsFlowAgain() {
        long killed = kill("kafka");
        await("a new broker runs", BACK, () -> pid("kafka") != killed);

        String first = createTask("daily after the broker came back", "FREQ=DAILY");
        assertEquals(200, http("POST", api("/tasks/" + first + "/complete"), token, null).statusCode());
        String series = seriesOf(first);
        await("the completion travels through the new broker to recurrence-handler", BACK, () -> count(platform.settings,
            Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid and series_instance = 2", series) == 1);
    }

    /**
     * PostgreSQL's postmaster killed: a new one starts on the same data and port (the killed one's postmaster.pid
     * cleared: here nothing reaps the dead postmaster, whose pid therefore still answers), the functions' pools and the
     * Dapr stand-in's jobs store connect to it again, and events flow.
     */
    @Test
    void aKilledPostgresIsRestartedAndTheFunctionsAndDaprUseItAgain() {
        String before = createTask("written before PostgreSQL was killed", null);
        long killed = killPostmaster();

        await("a new postmaster runs and task-crud reads through it", BACK, () -> postmaster() != killed
            && http("GET", api("/tasks/" + before), token, null).statusCode() == 200);
        String first = createTask("daily after PostgreSQL came back", "FREQ=DAILY");
        assertEquals(200, http("POST", api("/tasks/" + first + "/complete"), token, null).statusCode());
        String series = seriesOf(first);
        await("the completion reaches recurrence-handler, which writes the next instance", BACK, () -> count(platform.settings,
            Settings.DATABASE, "select count(*) from tasks where series_id = ?::uuid and series_instance = 2", series) == 1);

        String reminder = reminderOf(createTask("reminded after PostgreSQL came back", null,
            ",\"reminders\":[{\"at\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}]"));
        await("reminder-fire has its Dapr job stored, by the jobs store's new connection", BACK, () -> count(platform.settings,
            ClusterServices.DAPR_DATABASE, "select count(*) from jobs where name = ?", "reminder-" + reminder) == 1);
        assertFalse(logLines(platform.settings, PostgresServer.NAME, "\"logger\":\"kadence-local\"", "restarting in 1 s (restart 1)").isEmpty(),
            "the restart is in PostgreSQL's log");
    }

    private String createTask(String title, String rule) {
        return createTask(title, rule, "");
    }

    private String createTask(String title, String rule, String more) {
        String due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        String recurrence = rule == null ? "" : ",\"recurrence\":{\"rule\":\"" + rule + "\"}";
        HttpResponse<String> created = http("POST", api("/tasks"), token,
            "{\"title\":\"" + title + "\",\"due_at\":\"" + due + "\"" + recurrence + more + "}");
        assertEquals(201, created.statusCode(), created.body());
        return field(created.body(), "id");
    }

    private String reminderOf(String task) {
        String body = http("GET", api("/tasks/" + task), token, null).body();
        return field(body.substring(body.indexOf("\"reminders\"")), "id");
    }

    private String seriesOf(String task) {
        return field(http("GET", api("/tasks/" + task), token, null).body(), "series_id");
    }

    /** kill -9 of the process the data directory's pid file names, as a crash or the OOM killer would. */
    private long kill(String part) {
        long pid = pid(part);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        return pid;
    }

    /** kill -9 of PostgreSQL's postmaster (its backends notice and end). */
    private long killPostmaster() {
        long pid = postmaster();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        return pid;
    }

    private long postmaster() {
        try {
            return Long.parseLong(Files.readAllLines(platform.settings.data().postgres().resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long pid(String part) {
        try {
            return Long.parseLong(Files.readString(platform.settings.data().pidFile(part)).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private String api(String path) {
        return platform.frontDoor("/api/v1" + path);
    }
}
