package dev.kadence.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app in a real browser against the whole local platform: runs {@code frontend/e2e}'s scenarios (node's test
 * runner, playwright-core driving Debian's headless Chromium) against this platform's front door, which serves the
 * built app.
 * Its screenshots go to {@code local/target/screenshots} (or {@code KADENCE_SCREENSHOTS}); the README's come from here.
 */
class WebAppEndToEndTest extends PlatformPerClass {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void aPersonUsesTheWebAppInABrowser() throws IOException, InterruptedException {
        Path frontend = platform.settings.repositoryRoot().resolve("frontend");
        assertTrue(Files.isRegularFile(frontend.resolve("dist/index.html")),
            "the web app is not built: mvn package (or npm run build in frontend/) makes frontend/dist");
        assertTrue(Files.isDirectory(frontend.resolve("node_modules/playwright-core")),
            "playwright-core is not installed: npm ci in frontend/ (the Maven build does it when node_modules is missing)");
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install chromium (.ci/run does), or set CHROMIUM");

        Path log = Files.createDirectories(Path.of("target")).resolve("webapp-e2e.log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "--test-concurrency=1",
                "e2e/webapp.e2e.mjs", "e2e/views.e2e.mjs", "e2e/undo.e2e.mjs", "e2e/looks.e2e.mjs", "e2e/words.e2e.mjs",
                "e2e/walkthrough.e2e.mjs")
            .directory(frontend.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        node.environment().put("KADENCE_URL", platform.frontDoor(""));
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        node.environment().putIfAbsent("KADENCE_SCREENSHOTS", Path.of("target", "screenshots").toAbsolutePath().toString());
        Process run = node.start();
        boolean finished = run.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(finished, "the browser tests did not finish within 15 minutes:\n" + output);
        assertEquals(0, run.exitValue(), "the browser tests failed:\n" + output);
    }
}
