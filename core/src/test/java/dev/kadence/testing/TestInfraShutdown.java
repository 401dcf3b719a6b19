package dev.kadence.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Closes the shared test infrastructure when the test run ends (registered in META-INF/services). */
public class TestInfraShutdown implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestInfra.stop();
    }
}
