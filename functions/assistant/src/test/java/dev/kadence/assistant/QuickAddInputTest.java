package dev.kadence.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

/** What quick add refuses before anything is read: callers without a token, and bodies whose text is not a line. */
@MicronautTest(transactional = false)
class QuickAddInputTest extends AssistantTest {

    @Test
    void withoutAValidTokenTheAnswerIs401ProblemJson() {
        assertProblem(parse(null, Map.of("text", "Call mom tomorrow")), 401, "unauthenticated", null, null);
        assertProblem(send("POST", "/api/v1/quick-add/parse", "not.a.jwt", "{\"text\":\"x\"}"), 401, "unauthenticated", null, null);
        String otherSecret = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxYzk3YmNhNi0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ."
            + "c2lnbmVkLXdpdGgtYW5vdGhlci1zZWNyZXQtc2lnbmVkLXdpdGg";
        assertProblem(send("POST", "/api/v1/quick-add/parse", otherSecret, "{\"text\":\"x\"}"), 401, "unauthenticated", null, null);
    }

    @Test
    void aTextThatIsMissingNotAStringEmptyTooLongOrWithNulIsA400NamingIt() {
        UUID user = fixtures.user("Europe/Berlin");
        assertProblem(parse(user, Map.of()), 400, "validation_failed", "text", "required");
        assertProblem(parse(user, "{\"text\":null}"), 400, "validation_failed", "text", "required");
        assertProblem(parse(user, Map.of("text", 42)), 400, "validation_failed", "text", "not_a_string");
        assertProblem(parse(user, Map.of("text", "")), 400, "validation_failed", "text", "empty");
        assertProblem(parse(user, Map.of("text", " \t ")), 400, "validation_failed", "text", "empty");
        assertProblem(parse(user, Map.of("text", "x".repeat(1001))), 400, "validation_failed", "text", "too_long");
        assertProblem(parse(user, Map.of("text", "Call\u0000mom")), 400, "validation_failed", "text", "invalid_character");
        assertProblem(parse(user, "[\"Call mom\"]"), 400, "validation_failed", "body", "not_an_object");
        assertProblem(parse(user, "{\"text\":"), 400, "malformed_json", null, null);
    }

    @Test
    void aBodyWithAnythingAfterItsJsonValueIsMalformed() {
        UUID user = fixtures.user("Europe/Berlin");
        for (String body : new String[] {"{\"text\":\"Call mom\"} garbage", "{\"text\":\"Call mom\"} {}", "{} {}",
            "{\"text\":\"Call mom\"}]"}) {
            assertProblem(parse(user, body), 400, "malformed_json", null, null);
        }
        assertProblem(send("POST", "/api/v1/assistant/messages", token(user), "{\"text\":\"Show my tasks\"} x"),
            400, "malformed_json", null, null);
    }
}
