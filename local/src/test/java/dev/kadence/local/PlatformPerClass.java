package dev.kadence.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test class run against a local platform of its own: started before its first test, stopped after its last. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformPerClass {
    protected RunningPlatform platform;

    @BeforeAll
    void startPlatform(@TempDir Path work) {
        platform = RunningPlatform.start(work);
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }
}
