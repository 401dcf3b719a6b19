package dev.kadence.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A part's log is appended to across starts and rotated by size when the part starts, keeping three generations. */
class ProcessLogTest {

    @Test
    void aStartAppendsToTheLogAndMarksIt(@TempDir Path logs) throws IOException {
        Path log = logs.resolve("notify.log");
        Files.writeString(log, "a line of the last run\n");

        ProcessLog.forStart(log, "notify");

        String text = Files.readString(log);
        assertTrue(text.startsWith("a line of the last run\n"), text);
        assertTrue(text.contains("\"logger\":\"kadence-local\",\"message\":\"starting notify\""), text);
        assertFalse(Files.exists(ProcessLog.generation(log, 1)), "a small log is not rotated");
    }

    @Test
    void aLogOverTheLimitIsRotatedAndOnlyThreeOldOnesAreKept(@TempDir Path logs) throws IOException {
        Path log = logs.resolve("kafka.log");
        for (int run = 1; run <= 5; run++) {
            Files.writeString(log, "run " + run + "\n" + "x".repeat((int) ProcessLog.ROTATE_AT));
            ProcessLog.forStart(log, "kafka");
        }

        assertTrue(Files.readString(log).contains("\"message\":\"starting kafka\""));
        assertTrue(Files.size(log) < 1024, "the current log starts afresh after a rotation");
        assertTrue(Files.readString(ProcessLog.generation(log, 1)).startsWith("run 5"), "the newest old one is .1");
        assertTrue(Files.readString(ProcessLog.generation(log, 3)).startsWith("run 3"));
        assertFalse(Files.exists(ProcessLog.generation(log, 4)), "no more than three generations");
        try (var files = Files.list(logs)) {
            assertEquals(4, files.count());
        }
    }
}
