package dev.kadence.recurrencehandler;

import dev.kadence.core.task.TaskView;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.ReadmeCommands;
import dev.kadence.testkit.ReadmeRequests;
import dev.kadence.testkit.ReadmeRequests.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's command, posted as it stands to the running function, does what the README says. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @Test
    void theReadmesCompletionEventCreatesTheNextInstanceOnceAndIsThenADuplicate() {
        UUID user = fixtures.user("Europe/Berlin");
        TaskView done = fixtures.task(user, """
            {"title": "Weekly report", "status": "done", "due_at": "2027-01-08T14:00:00+01:00",
             "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=FR"}}""");
        UUID series = done.recurrence().seriesId();
        ReadmeCommands.Request completed = ReadmeCommands
            .block(ReadmeCommands.repositoryFile("functions/recurrence-handler/README.md"), "Invoke it as its platform does")
            .with(Map.of("TASK", done.id().toString(), "USER", user.toString(), "DELIVERY_TOKEN", dev.kadence.testkit.KafkaSource.TOKEN))
            .curl("POST", "/events");

        Answer first = ReadmeRequests.send(server.getURL(), completed);
        Answer again = ReadmeRequests.send(server.getURL(), completed);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"outcome\":\"done\",\"detail\":null}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"outcome\":\"duplicate\",\"detail\":null}");
        assertThat(fixtures.count("select count(*) from tasks where series_id = ? and status = 'todo'", series))
            .as("the next instance, once").isEqualTo(1);
    }
}
