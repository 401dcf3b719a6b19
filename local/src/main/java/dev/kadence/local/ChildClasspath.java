package dev.kadence.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpath for the Kafka processes: the libraries next to kadence-local.jar, else this JVM's own classpath. */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static String ofThisLauncher() {
        try {
            Path location = Path.of(KadenceLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = location.resolveSibling("lib");
            if (Files.isRegularFile(location) && Files.isDirectory(lib)) {
                return lib + File.separator + "*";
            }
        } catch (Exception ignored) {
            // not started from the packaged jar: fall through
        }
        return System.getProperty("java.class.path");
    }
}
