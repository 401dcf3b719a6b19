package dev.kadence.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath for the launcher's child JVMs (the Kafka broker, the chart renderer): kadence-local.jar and the
 * libraries next to it, else this JVM's own classpath.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static String ofThisLauncher() {
        try {
            Path location = Path.of(KadenceLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = location.resolveSibling("lib");
            if (Files.isRegularFile(location) && Files.isDirectory(lib)) {
                return location + File.pathSeparator + lib + File.separator + "*";
            }
        } catch (Exception ignored) {
            // not started from the packaged jar: fall through
        }
        return System.getProperty("java.class.path");
    }
}
