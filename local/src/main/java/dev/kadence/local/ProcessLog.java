package dev.kadence.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The log of one part of the platform, {@code <data>/logs/<part>.log}: appended to across starts and restarts, each
 * marked by a line of the launcher's ({@code "logger":"kadence-local","message":"starting notify"}), and rotated when a part starts with it over {@link #ROTATE_AT} bytes
 * ({@code <part>.log.1} is the newest of {@link #GENERATIONS} old ones).
 */
final class ProcessLog {

    static final long ROTATE_AT = 10L * 1024 * 1024;
    static final int GENERATIONS = 3;

    private ProcessLog() {
    }

    /** Rotates the log if it is too big, then marks that the part starts: "kadence-local … starting notify". */
    static Path forStart(Path file, String part) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) >= ROTATE_AT) {
                rotate(file);
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot rotate " + file + ": " + e.getMessage(), e);
        }
        note(file, "starting " + part);
        return file;
    }

    /**
     * Appends a line of the launcher's to the log, between the part's own lines: one JSON object, in the fields of the
     * functions' JSON logs, so that a log read line by line as JSON (KADENCE_LOG_FORMAT=json) stays that way.
     */
    static void note(Path file, String message) {
        String line = "{\"time\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"level\":\"INFO\","
            + "\"logger\":\"kadence-local\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StartupFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void rotate(Path file) throws IOException {
        Files.deleteIfExists(generation(file, GENERATIONS));
        for (int g = GENERATIONS - 1; g >= 1; g--) {
            if (Files.exists(generation(file, g))) {
                Files.move(generation(file, g), generation(file, g + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, generation(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    static Path generation(Path file, int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }
}
