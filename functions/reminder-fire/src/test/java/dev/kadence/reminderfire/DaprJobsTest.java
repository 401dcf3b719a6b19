package dev.kadence.reminderfire;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.FakeDapr;
import dev.kadence.testkit.RecordingServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Jobs client, as the application configures it, against a fake sidecar that keeps to Dapr's contract. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaprJobsTest implements TestPropertyProvider {
    private final FakeDapr dapr = FakeDapr.shared();

    @Inject
    DaprJobs jobs;
    @Inject
    JsonMapper json;

    @Serdeable
    record ReminderJob(UUID reminderId, Instant fireAt) {
    }

    @Override
    public Map<String, String> getProperties() {
        return dapr.properties(TestInfra.properties());
    }

    @BeforeEach
    @AfterEach
    void reset() {
        dapr.reset();     // the sidecar is shared with the other test classes: leave it behaving
    }

    @Test
    void scheduleSendsTheDocumentedRequest() throws IOException {
        UUID reminder = UUID.randomUUID();
        Instant fireAt = Instant.parse("2026-12-04T13:00:00Z");

        jobs.schedule("reminder-" + reminder, fireAt, new ReminderJob(reminder, fireAt));

        assertThat(dapr.requests()).hasSize(1);
        RecordingServer.Request request = dapr.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1.0/jobs/reminder-" + reminder);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        Map<String, Object> body = json.readValue(request.body(), Argument.mapOf(String.class, Object.class));
        assertThat(body).containsOnlyKeys("dueTime", "data", "overwrite");
        assertThat(body).containsEntry("dueTime", "2026-12-04T13:00:00+00:00").containsEntry("overwrite", true);
        assertThat(body.get("data")).isEqualTo(Map.of("reminder_id", reminder.toString(), "fire_at", "2026-12-04T13:00:00Z"));
        assertThat(dapr.jobs()).containsKey("reminder-" + reminder);
    }

    @Test
    void theDueTimeKeepsFractionsOfASecondSoAJobNeverFiresEarly() throws IOException {
        Instant fireAt = Instant.parse("2026-12-04T13:00:00.250Z");

        jobs.schedule("due-1", fireAt, Map.of("task_id", "t-1"));

        String dueTime = (String) json.readValue(dapr.requests().get(0).body(), Argument.mapOf(String.class, Object.class)).get("dueTime");
        assertThat(dueTime).endsWith("+00:00");
        assertThat(OffsetDateTime.parse(dueTime).toInstant()).isEqualTo(fireAt);
    }

    @Test
    void schedulingAgainReplacesTheJob() {
        jobs.schedule("due-2", Instant.parse("2026-12-04T13:00:00Z"), Map.of("n", 1));
        jobs.schedule("due-2", Instant.parse("2026-12-11T13:00:00Z"), Map.of("n", 2));

        assertThat(dapr.jobs().get("due-2")).containsEntry("dueTime", "2026-12-11T13:00:00+00:00");
    }

    @Test
    void deleteRemovesTheJobAndDeletingAMissingJobIsFine() {
        jobs.schedule("due-3", Instant.parse("2026-12-04T13:00:00Z"), Map.of());

        jobs.delete("due-3");
        jobs.delete("due-3");

        assertThat(dapr.jobs()).doesNotContainKey("due-3");
        assertThat(dapr.requests()).extracting(RecordingServer.Request::method).containsExactly("POST", "DELETE", "DELETE");
        assertThat(dapr.requests().get(1).path()).isEqualTo("/v1.0/jobs/due-3");
        assertThat(dapr.requests().get(1).body()).isEmpty();
    }

    @Test
    void aSidecarFailureIsATransientError() {
        dapr.failWith(500);

        assertThatThrownBy(() -> jobs.schedule("due-4", Instant.now(), Map.of()))
            .isInstanceOfSatisfying(KadenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
            .hasMessageContaining("/v1.0/jobs/due-4").hasMessageContaining("500");
    }

    @Test
    void anUnreachableSidecarIsATransientError() {
        DaprJobs nowhere = new DaprJobs(json, new DaprSettings("http://127.0.0.1:1", 0, null));

        assertThatThrownBy(() -> nowhere.delete("due-5"))
            .isInstanceOfSatisfying(KadenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void theApiTokenIsSentWhenTheSidecarRequiresOne() {
        DaprJobs withToken = new DaprJobs(json, new DaprSettings(dapr.url(), 0, "s3cret"));

        withToken.delete("due-6");

        assertThat(dapr.requests().get(0).header("dapr-api-token")).isEqualTo("s3cret");
    }

    @Test
    void aNameThatIsNotAPathSegmentIsRefused() {
        assertThatThrownBy(() -> jobs.delete("../v1.0/state")).isInstanceOf(IllegalArgumentException.class);
        assertThat(dapr.requests()).isEmpty();
    }

    @Test
    void theSidecarIsFoundWhereDaprSaysItIs() {
        assertThat(new DaprSettings(null, 3500, null).address()).isEqualTo(URI.create("http://127.0.0.1:3500"));
        assertThat(new DaprSettings("", 3601, null).address()).isEqualTo(URI.create("http://127.0.0.1:3601"));
        assertThat(new DaprSettings("http://dapr.local:3500/", 3601, null).address()).isEqualTo(URI.create("http://dapr.local:3500"));
    }
}
