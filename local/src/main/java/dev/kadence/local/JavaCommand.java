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

    private static List<String> java(List<String> jvmOptions) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        return command;
    }
}
