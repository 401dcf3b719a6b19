package dev.kadence.reminderfire;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.FakeDapr;
import dev.kadence.testkit.KafkaSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reminder-fire called as its three triggers call it: the KafkaSource on task-events (the shared event contract),
 * Dapr's job callback, and Dapr's cron binding.
 */
@MicronautTest(transactional = false)
class ReminderFireTest extends EventEndpointContract {

    @Override
    protected String consumer() {
        return "reminder-fire";
    }

    @Override
    protected String eventType() {
        return EventTypes.TASK_UPDATED;
    }

    private final FakeDapr dapr = FakeDapr.shared();

    @Override
    public Map<String, String> getProperties() {
        return dapr.properties(TestInfra.properties());
    }

    @Test
    void aDueJobIsAnsweredAndLoggedWithWhatItDid() {
        String reminder = UUID.randomUUID().toString();

        Reply known = send("POST", "/job/reminder-" + reminder, FakeDapr.appCallHeaders(), "{}");
        Reply foreign = send("POST", "/job/reminder-6b1c7f6e", FakeDapr.appCallHeaders(), "{}");

        assertThat(known.status()).isEqualTo(200);
        assertThat(foreign.status()).as("a job Dapr should not call again").isEqualTo(200);
        assertThat(logged()).contains("job reminder-" + reminder + " is due: gone",
            "job reminder-6b1c7f6e is due: not a job of Kadence's, ignored");
    }

    @Test
    void daprFindsTheCronBindingSubscribed() {
        Reply reply = send("OPTIONS", "/reminder-sweep", FakeDapr.appCallHeaders(), null);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aCronTickRunsTheSweep() {
        Reply reply = send("POST", "/reminder-sweep", FakeDapr.appCallHeaders(), "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(logged()).anyMatch(line -> line.startsWith("reminder sweep: fired "));
    }

    @Test
    void callsWithoutDaprsAppTokenAreRefused401AndDoNothing() {
        Map<String, String> wrong = Map.of(FakeDapr.APP_TOKEN_HEADER, "not-the-token", "Content-Type", "application/json");
        for (Map<String, String> headers : List.of(Map.of("Content-Type", "application/json"), wrong)) {
            Reply job = send("POST", "/job/reminder-" + UUID.randomUUID(), headers, "{}");
            Reply tick = send("POST", "/reminder-sweep", headers, "");

            assertThat(job.status()).as(job.body()).isEqualTo(401);
            assertThat(job.json()).containsEntry("code", "unauthenticated");
            assertThat(tick.status()).as(tick.body()).isEqualTo(401);
        }
        assertThat(logged()).noneMatch(line -> line.startsWith("job reminder-") || line.startsWith("reminder sweep: fired "))
            .anyMatch(line -> line.startsWith("refused POST /reminder-sweep"));
    }

    @Test
    void anEventWithDaprsTokenInsteadOfTheDeliveryTokenIsRefused() {
        Map<String, String> event = kafkaSourceHeaders(eventType());
        event.remove(KafkaSource.TOKEN_HEADER);
        event.put(FakeDapr.APP_TOKEN_HEADER, FakeDapr.APP_API_TOKEN);

        Reply reply = post(event, "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(recorded(event.get("ce-id"))).isZero();
    }
}
