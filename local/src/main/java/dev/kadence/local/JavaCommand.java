package dev.kadence.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs, run by the same java executable as this launcher. */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> mainClass(String classpath, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> jar(List<String> jvmOptions, Path jar) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** The home of that java executable (what JAVA_HOME must be for scripts to run the same JVM). */
    static Path javaHome() {
        return executable().getParent().getParent();
    }

    private static Path executable() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(jvmOptions);
        return command;
    }
}
