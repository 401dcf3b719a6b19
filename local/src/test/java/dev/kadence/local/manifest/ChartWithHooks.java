package dev.kadence.local.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The chart rendered as {@code helm template} renders it, hooks included. helm-java's template leaves hook resources
 * out (its output is the release's manifest; manusa/helm-java#416), so the hooks of a copy of the chart are renamed to
 * an annotation Helm does not know, rendered as ordinary resources, and named back in the output.
 */
final class ChartWithHooks {

    private static final String HOOK = "helm.sh/hook";
    private static final String DISGUISED = "test.kadence.dev/helm-hook";

    private ChartWithHooks() {
    }

    static String render(Path chartDir, Path valuesFile) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("kadence-chart");
            try (Stream<Path> files = Files.walk(chartDir)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(chartDir.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(file).replace(HOOK, DISGUISED));
                    }
                }
            }
            return Chart.render(copy, copy.resolve(chartDir.relativize(valuesFile).toString())).replace(DISGUISED, HOOK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
