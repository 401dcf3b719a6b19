package dev.kadence.notify;

import dev.kadence.core.db.Sql;
import dev.kadence.core.task.TaskView;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.ReadmeCommands;
import dev.kadence.testkit.ReadmeRequests;
import dev.kadence.testkit.ReadmeRequests.Answer;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's commands, sent or run as they stand against the running function, do what the README says. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTest implements TestPropertyProvider {
    private static final Path README = ReadmeCommands.repositoryFile("functions/notify/README.md");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    BearerTokens tokens;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @Test
    void theReadmesReminderEventStoresOneNotificationAndIsThenADuplicate() {
        UUID user = fixtures.user("Europe/Berlin");
        TaskView task = fixtures.task(user, """
            {"title": "Prepare presentation", "due_at": "2027-12-04T14:00:00+01:00", "reminders": [{"before_due": "PT15M"}]}""");
        UUID reminder = task.reminders().get(0).id();
        tx.executeWrite(s -> sql.update("update reminders set status = 'fired' where id = ?", List.of(reminder)));   // as reminder-fire did
        ReadmeCommands.Request due = ReadmeCommands.block(README, "Invoke it as its platform does")
            .with(Map.of("TASK", task.id().toString(), "USER", user.toString(), "REMINDER", reminder.toString(),
                "DELIVERY_TOKEN", dev.kadence.testkit.KafkaSource.TOKEN))
            .curl("POST", "/events");

        Answer first = ReadmeRequests.send(server.getURL(), due);
        Answer again = ReadmeRequests.send(server.getURL(), due);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"outcome\":\"done\",\"detail\":null}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"outcome\":\"duplicate\",\"detail\":null}");
        assertThat(fixtures.count("select count(*) from notifications where task_id = ?", task.id())).isEqualTo(1);
        assertThat(fixtures.reminderStatus(reminder)).isEqualTo("delivered");
    }

    @Test
    void theReadmesStreamCommandsOpenTheStream() throws Exception {
        UUID user = fixtures.user("Europe/Berlin");
        String token = tokens.issue(user, null, Duration.ofSeconds(3600)).value();
        ReadmeCommands.Block stream = ReadmeCommands.block(README, "The API")
            .with(Map.of("API", server.getURL().toString().replaceAll("/$", "") + "/api/v1"));

        Process curl = stream.start(Map.of("TOKEN", token));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(curl.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).matches(": ?connected");
        } finally {
            curl.descendants().forEach(ProcessHandle::destroy);
            curl.destroy();
        }
    }
}
