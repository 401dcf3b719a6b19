package dev.kadence.core.web;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Jars made for a test: each entry's directories are entries too, as in a jar the build makes. */
final class TestJars {
    private TestJars() {
    }

    /** Writes {@code jar} with {@code entries} (name to content), and returns it. */
    static Path write(Path jar, Map<String, String> entries) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                Path path = zip.getPath(entry.getKey());
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, entry.getValue());
            }
        }
        return jar;
    }
}
