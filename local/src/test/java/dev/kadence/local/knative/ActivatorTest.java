package dev.kadence.local.knative;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An app held for two reasons at once (its own restart and the database's) is ready only when both are over. */
class ActivatorTest {
    private static final URI NOTIFY = URI.create("http://127.0.0.1:8084");
    private static final URI EVENTS = URI.create("http://127.0.0.1:8084/events");

    @Test
    void anAppIsReadyOnceEveryHoldIsReleased() throws InterruptedException {
        Activator activator = new Activator();
        assertTrue(activator.isReady(EVENTS), "never held: ready");

        activator.down(NOTIFY);     // notify itself restarts
        activator.down(NOTIFY);     // and PostgreSQL does
        activator.up(NOTIFY);       // notify is back first
        assertFalse(activator.isReady(EVENTS), "still held for the database");
        assertFalse(activator.awaitReady(EVENTS, Duration.ofMillis(50)));

        activator.up(NOTIFY);
        assertTrue(activator.isReady(EVENTS));
        assertTrue(activator.awaitReady(EVENTS, Duration.ofMillis(50)));
        activator.up(NOTIFY);       // an extra up holds nothing and releases nothing
        assertTrue(activator.isReady(EVENTS));
    }
}
