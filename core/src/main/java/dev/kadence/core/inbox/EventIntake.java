package dev.kadence.core.inbox;

import io.cloudevents.CloudEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Hands each delivered event to the function's {@link EventHandler} once, however often it is delivered. */
@Singleton
@Requires(beans = EventHandler.class)
public class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    private final Inbox inbox;
    private final EventHandler handler;

    EventIntake(Inbox inbox, EventHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    public Outcome receive(CloudEvent event) {
        // In JSON logs (KADENCE_LOG_FORMAT=json) every line written while the event is handled carries these.
        try (MDC.MDCCloseable id = MDC.putCloseable("ce_id", event.getId());
             MDC.MDCCloseable type = MDC.putCloseable("ce_type", event.getType());
             MDC.MDCCloseable task = MDC.putCloseable("task_id", event.getSubject())) {
            if (!handler.accepts().contains(event.getType())) {
                throw new UnprocessableEvent(handler.consumer() + " does not take events of type " + event.getType());
            }
            Outcome outcome = inbox.process(handler.consumer(), event, handler::apply);
            LOG.info("received {} {} for task {}: {}", event.getType(), event.getId(), event.getSubject(), outcome);
            return outcome;
        }
    }
}
