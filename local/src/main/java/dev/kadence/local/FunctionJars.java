package dev.kadence.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Finds each function's runnable jar: {@code KADENCE_<NAME>_JAR} if set (e.g. KADENCE_TASK_CRUD_JAR), else
 * {@code functions/<name>/target/<name>.jar} in the repository that holds the working directory.
 */
final class FunctionJars {

    private static final Path MARKER = Path.of("functions", "task-crud", "pom.xml");

    private final Map<String, String> env;
    private final Path workingDirectory;

    FunctionJars(Map<String, String> env, Path workingDirectory) {
        this.env = env;
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    Path jar(String function) {
        String variable = "KADENCE_" + function.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAR";
        String override = env.getOrDefault(variable, "");
        if (!override.isBlank()) {
            Path jar = workingDirectory.resolve(override).normalize();
            if (!Files.isRegularFile(jar)) {
                throw new StartupFailure(variable + " points at " + jar + ", which is not a file");
            }
            return jar;
        }
        Path root = repositoryRoot(workingDirectory, variable);
        Path jar = root.resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(root.relativize(jar) + " is missing: build it first with"
                    + " `mvn -DskipTests package` in " + root);
        }
        return jar;
    }

    /** The Kadence repository at or above {@code workingDirectory}. */
    static Path repositoryRoot(Path workingDirectory, String variable) {
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new StartupFailure("cannot find the Kadence repository (a directory with " + MARKER + ") at or above "
                + workingDirectory + ": run from inside the repository, or set " + variable);
    }
}
