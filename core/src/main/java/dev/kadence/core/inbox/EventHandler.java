package dev.kadence.core.inbox;

import io.cloudevents.CloudEvent;

import java.util.Set;

/**
 * What one event-driven function does with the events its KafkaSource delivers. A function declares one as a
 * bean; {@link EventController} and {@link EventIntake} give it the {@code POST /events} endpoint, the
 * once-only processing and the answers a KafkaSource understands.
 */
public interface EventHandler {
    /** The consumer name under which events are recorded as processed, e.g. {@code recurrence-handler}. */
    String consumer();

    /** The event types this function takes; any other is rejected (4xx) as one it can never process. */
    Set<String> accepts();

    /** Applies one new event. Runs in the transaction that records the event, so both commit or neither does. */
    void apply(CloudEvent event);
}
