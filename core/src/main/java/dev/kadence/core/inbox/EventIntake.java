package dev.kadence.core.inbox;

import dev.kadence.core.logging.MdcScope;
import io.cloudevents.CloudEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hands each delivered event to the function's {@link EventHandler} once, however often it is delivered. */
@Singleton
@Requires(beans = EventHandler.class)
public class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    private final Inbox inbox;
    private final EventHandler handler;
    private final EventData data;

    EventIntake(Inbox inbox, EventHandler handler, EventData data) {
        this.inbox = inbox;
        this.handler = handler;
        this.data = data;
    }

    public Outcome receive(CloudEvent event) {
        // In JSON logs (KADENCE_LOG_FORMAT=json) every line written while the event is handled carries these.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ce_id", event.getId());
        fields.put("ce_type", event.getType());
        if (event.getSubject() != null) {
            fields.put("task_id", event.getSubject());
        }
        data.userId(event).ifPresent(user -> fields.put("user_id", user));
        try (MdcScope scope = MdcScope.with(fields)) {
            if (!handler.accepts().contains(event.getType())) {
                throw new UnprocessableEvent(handler.consumer() + " does not take events of type " + event.getType());
            }
            Outcome outcome = inbox.process(handler.consumer(), event, handler::apply);
            LOG.info("received {} {} for task {}: {}", event.getType(), event.getId(), event.getSubject(), outcome);
            return outcome;
        }
    }
}
