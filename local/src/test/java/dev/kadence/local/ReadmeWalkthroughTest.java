package dev.kadence.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The root README's API walkthrough, run as it stands by {@code bash} with real {@code curl} and {@code jq} against a
 * running local platform's front door (only {@code API=} is pointed at it), answers the JSON the README shows — ids
 * (shortened there with {@code …}) and the times of creation aside.
 */
class ReadmeWalkthroughTest extends PlatformPerClass {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("(?m)^```(bash|json)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Set<String> TIMES = Set.of("created_at", "updated_at");
    private static final String NEXT = "=== next block ===";

    record Fenced(String language, String text) {
    }

    @Test
    void theWalkthroughAnswersWhatTheReadmeShows() throws Exception {
        Path repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");
        List<Fenced> fenced = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(repository.resolve("README.md")));
        while (m.find()) {
            fenced.add(new Fenced(m.group(1), m.group(2)));
        }
        int walkthrough = indexOf(fenced, "bash", "API=");
        int badInput = indexOf(fenced, "bash", "\"priority\":\"urgent\"");
        Fenced listShown = fenced.get(walkthrough + 1);
        Fenced problemShown = fenced.get(badInput + 1);
        assertEquals("json", listShown.language(), "the walkthrough is followed by the answer it shows");
        assertEquals("json", problemShown.language(), "the bad input is followed by the answer it shows");

        String script = "set -eo pipefail\n"
            + fenced.get(walkthrough).text().replaceFirst("(?m)^API=.*$", Matcher.quoteReplacement("API=" + platform.frontDoor("/api/v1")))
            + "echo '" + NEXT + "'\n"
            + fenced.get(badInput).text();
        String[] output = bash(script).split(Pattern.quote(NEXT));

        List<JsonNode> walked = values(output[0]);
        assertEquals(3, walked.size(), "two tasks created, then the list: " + output[0]);
        assertEquals("Prepare presentation", walked.get(0).path("title").asText());
        assertEquals("Book flights", walked.get(1).path("title").asText());
        assertSame(JSON.readTree(listShown.text()), walked.get(2), "$");
        List<JsonNode> problem = values(output[1]);
        assertEquals(1, problem.size(), output[1]);
        assertSame(JSON.readTree(problemShown.text()), problem.get(0), "$");
    }

    private static int indexOf(List<Fenced> fenced, String language, String containing) {
        for (int i = 0; i < fenced.size(); i++) {
            if (fenced.get(i).language().equals(language) && fenced.get(i).text().contains(containing)) {
                return i;
            }
        }
        throw new AssertionError("README.md has no ```" + language + " block with " + containing);
    }

    /** Equal, but for the README's shortened ids ({@code "58e95cc1-…"}: any string) and creation times (any time). */
    private static void assertSame(JsonNode shown, JsonNode actual, String at) {
        if (shown.isTextual() && shown.asText().endsWith("…")) {
            assertTrue(actual.isTextual(), at + ": a string, not " + actual);
            return;
        }
        if (shown.isObject()) {
            assertTrue(actual.isObject(), at + ": an object, not " + actual);
            List<String> shownFields = new ArrayList<>();
            shown.fieldNames().forEachRemaining(shownFields::add);
            List<String> actualFields = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualFields::add);
            assertEquals(shownFields, actualFields, at + ": the fields");
            for (String field : shownFields) {
                if (TIMES.contains(field)) {
                    assertTrue(actual.get(field).isTextual(), at + "." + field + ": a time, not " + actual.get(field));
                } else {
                    assertSame(shown.get(field), actual.get(field), at + "." + field);
                }
            }
            return;
        }
        if (shown.isArray()) {
            assertTrue(actual.isArray(), at + ": an array, not " + actual);
            assertEquals(shown.size(), actual.size(), at + ": the length of " + actual);
            for (int i = 0; i < shown.size(); i++) {
                assertSame(shown.get(i), actual.get(i), at + "[" + i + "]");
            }
            return;
        }
        assertEquals(shown, actual, at);
    }

    /** The JSON values a run printed, one after the other (curl's answers have no newline between them). */
    private static List<JsonNode> values(String output) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        try (var parser = JSON.getFactory().createParser(output)) {
            Iterator<JsonNode> it = JSON.readValues(parser, JsonNode.class);
            it.forEachRemaining(values::add);
        }
        return values;
    }

    private static String bash(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the README's commands did not finish");
        assertEquals(0, p.exitValue(), "the README's commands failed (is jq installed?); they printed: " + out);
        return out;
    }
}
