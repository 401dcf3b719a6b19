package dev.kadence.assistant;

import dev.kadence.testkit.ReadmeCommands;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's calls, run by {@code bash} with real {@code curl} and {@code jq} against the function, answer what it shows. */
@MicronautTest(transactional = false)
class ReadmeTest extends AssistantTest {

    @Test
    void theReadmesCallsAnswerWhatItShows() {
        answerWhatTheyShow(ReadmeCommands
            .block(ReadmeCommands.repositoryFile("functions/assistant/README.md"), "Invoke it as its platform does")
            .with(Map.of("API", server.getURL().toString().replaceAll("/$", "") + "/api/v1",
                "TOKEN", token(fixtures.user("Europe/Berlin")))), 5);
    }

    @Test
    void theReadmesMcpCallsAnswerWhatItShows() {
        answerWhatTheyShow(ReadmeCommands
            .block(ReadmeCommands.repositoryFile("functions/assistant/README.md"), "Call it as an MCP client does")
            .with(Map.of("MCP", server.getURL().toString().replaceAll("/$", "") + "/mcp",
                "TOKEN", token(fixtures.user("Europe/Berlin")))), 5);
    }

    private static void answerWhatTheyShow(ReadmeCommands.Block calls, int count) {
        ReadmeCommands.Result run = calls.run(Map.of());
        List<String> answers = run.stdout().lines().toList();

        List<String> shown = calls.shownAnswers();
        assertThat(shown).hasSize(count);
        assertThat(answers).as(run.stderr()).hasSameSizeAs(shown);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(ReadmeCommands.sameAnswer(shown.get(i), answers.get(i)))
                .as("answer %d: %s, the README shows %s", i + 1, answers.get(i), shown.get(i)).isTrue();
        }
    }
}
