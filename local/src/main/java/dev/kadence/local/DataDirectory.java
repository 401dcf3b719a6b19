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

    /** The log file of one process, emptied: each run starts its logs afresh. */
    Path freshLog(String process) {
        Path log = logs().resolve(process + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "");
            return log;
        } catch (IOException e) {
            throw new StartupFailure("cannot write " + log + ": " + e.getMessage(), e);
        }
    }
}
