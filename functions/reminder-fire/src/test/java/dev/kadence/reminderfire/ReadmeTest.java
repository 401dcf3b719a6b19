package dev.kadence.reminderfire;

import dev.kadence.core.logging.KadenceLogs;
import dev.kadence.core.logging.LogEvent;
import dev.kadence.core.task.TaskView;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.FakeDapr;
import dev.kadence.testkit.ReadmeCommands;
import dev.kadence.testkit.ReadmeRequests;
import dev.kadence.testkit.ReadmeRequests.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands — a task event as the KafkaSource posts it, Dapr's job callback, the cron binding's probe and
 * tick — sent as they stand to the running function, against a fake Dapr sidecar, do what the README says.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private final FakeDapr dapr = FakeDapr.shared();

    @Override
    public Map<String, String> getProperties() {
        return dapr.properties(TestInfra.properties());
    }

    @Test
    void theReadmesCommandsScheduleTheJobFireTheReminderAndSweep() throws Exception {
        UUID user = fixtures.user("Europe/Berlin");
        Instant aMinuteAgo = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TaskView task = fixtures.task(user, """
            {"title": "Prepare presentation", "due_at": "2027-12-04T14:00:00+01:00", "reminders": [{"at": "%s"}]}"""
            .formatted(aMinuteAgo));
        UUID reminder = task.reminders().get(0).id();
        List<ReadmeCommands.Request> curls = ReadmeCommands
            .block(ReadmeCommands.repositoryFile("functions/reminder-fire/README.md"), "Invoke it as its platform does")
            .with(Map.of("TASK", task.id().toString(), "USER", user.toString(), "REMINDER", reminder.toString(),
                "DELIVERY_TOKEN", dev.kadence.testkit.KafkaSource.TOKEN, "APP_API_TOKEN", FakeDapr.APP_API_TOKEN))
            .curls();
        assertThat(curls).extracting(r -> r.method() + " " + r.path()).containsExactly(
            "POST /events", "POST /job/reminder-" + reminder, "OPTIONS /reminder-sweep", "POST /reminder-sweep");
        List<String> log = new CopyOnWriteArrayList<>();

        try (AutoCloseable listening = KadenceLogs.listen((LogEvent line) -> log.add(line.message()))) {
            Answer updated = send(curls.get(0));
            Answer again = send(curls.get(0));
            assertThat(updated.body()).isEqualTo("{\"outcome\":\"done\",\"detail\":null}");
            assertThat(again.body()).isEqualTo("{\"outcome\":\"duplicate\",\"detail\":null}");
            assertThat(dapr.jobs()).containsKey("reminder-" + reminder);

            Answer job = send(curls.get(1));
            assertThat(job.status()).isEqualTo(200);
            assertThat(fixtures.reminderStatus(reminder)).isEqualTo("fired");

            assertThat(send(curls.get(2)).status()).isEqualTo(200);
            assertThat(send(curls.get(3)).status()).isEqualTo(200);
        }

        assertThat(log).contains("job reminder-" + reminder + " is due: fired")
            .anyMatch(line -> line.matches("reminder sweep: fired \\d+, suppressed \\d+, missed \\d+, due signalled \\d+, jobs renewed \\d+"));
    }

    private Answer send(ReadmeCommands.Request request) {
        Answer answer = ReadmeRequests.send(server.getURL(), request);
        assertThat(answer.status()).as(request.method() + " " + request.path() + ": " + answer.body()).isEqualTo(200);
        return answer;
    }
}
