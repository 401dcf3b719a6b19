package dev.kadence.local;

import dev.kadence.local.manifest.RenderChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders knative/ with values-local.yaml in a child JVM ({@link RenderChart}), so that helm-java's native
 * library never loads into the launcher, where it would swallow Ctrl-C.
 */
final class RenderedChart {
    private RenderedChart() {
    }

    static String render(Settings settings) {
        Path chart = settings.repositoryRoot().resolve("knative");
        List<String> command = JavaCommand.mainClass(settings.childClasspath(),
            List.of("-Xmx128m", "--enable-native-access=ALL-UNNAMED"), RenderChart.class.getName(),
            chart.toString(), chart.resolve("values-local.yaml").toString());
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String yaml = read(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StartupFailure("rendering knative/ took over 60 s");
            }
            if (process.exitValue() != 0) {
                throw new StartupFailure("cannot render knative/ with values-local.yaml: " + errors.join().strip());
            }
            return yaml;
        } catch (IOException e) {
            throw new StartupFailure("cannot start the chart renderer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("startup was interrupted");
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
