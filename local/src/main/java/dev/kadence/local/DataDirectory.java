package dev.kadence.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory that holds everything the local platform keeps between runs. Delete it to start afresh. */
record DataDirectory(Path root) {

    Path postgres() {
        return root.resolve("postgres");
    }

    /** Where the bundled PostgreSQL binaries are unpacked (instead of /tmp). */
    Path postgresBinaries() {
        return root.resolve("postgres-bin");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path kafkaLogDir() {
        return kafka().resolve("logs");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path jwtSecret() {
        return root.resolve("secrets").resolve("jwt-secret");
    }

    Path pids() {
        return root.resolve("pids");
    }

    Path pidFile(String process) {
        return pids().resolve(process + ".pid");
    }

    void create() {
        for (Path dir : new Path[] {root, logs(), kafka(), pids()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StartupFailure("cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** The log of one process, appended to and rotated by size ({@link ProcessLog}), marked as it starts. */
    Path log(String process) {
        return ProcessLog.forStart(logs().resolve(process + ".log"), process);
    }
}
