package dev.kadence.taskcrud;

import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.ReadmeCommands;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's API calls, run by {@code bash} with real {@code curl} and {@code jq} against the function, answer what it shows. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @Test
    void theReadmesCallsAnswerWhatItShows() {
        ReadmeCommands.Block calls = ReadmeCommands
            .block(ReadmeCommands.repositoryFile("functions/task-crud/README.md"), "Invoke it as its platform does")
            .with(Map.of("API", server.getURL().toString().replaceAll("/$", "") + "/api/v1"));

        List<String> answers = calls.run(Map.of()).stdout().lines().toList();

        List<String> shown = calls.shownAnswers();
        assertThat(shown).hasSize(8);
        assertThat(answers).hasSameSizeAs(shown);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(ReadmeCommands.sameAnswer(shown.get(i), answers.get(i)))
                .as("answer %d: %s, the README shows %s", i + 1, answers.get(i), shown.get(i)).isTrue();
        }
    }
}
