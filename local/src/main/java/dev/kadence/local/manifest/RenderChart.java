package dev.kadence.local.manifest;

import java.nio.file.Path;

/**
 * {@code RenderChart <chartDir> <valuesFile>}: prints the rendered chart. The local platform runs this in a
 * short-lived child JVM rather than in its own: helm-java's Go runtime takes over SIGINT/SIGTERM in the JVM that
 * loads it (manusa/helm-java#409), after which Ctrl-C would no longer stop the platform.
 */
public final class RenderChart {
    private RenderChart() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RenderChart <chartDir> <valuesFile>");
            System.exit(2);
        }
        System.out.print(Chart.render(Path.of(args[0]), Path.of(args[1])));
        System.out.flush();
        System.exit(0);
    }
}
