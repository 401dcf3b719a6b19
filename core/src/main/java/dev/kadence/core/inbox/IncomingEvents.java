package dev.kadence.core.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;

import java.util.Map;

/**
 * Reads a CloudEvent delivered over HTTP, in binary mode ({@code ce-*} headers, the body is the data: what a
 * KafkaSource sends) or in structured mode ({@code Content-Type: application/cloudevents+json}), and lets through only
 * what Kadence can process: the boundary of every function's inbox, where {@link EventChecks} applies the input
 * hygiene of the API to events.
 */
public final class IncomingEvents {
    private IncomingEvents() {
    }

    /**
     * @param headers the request's headers; names in any case
     * @param body    the request body, or null when there is none
     * @throws UnprocessableEvent when the request is not a valid CloudEvent 1.0, or not one Kadence can process
     *                             ({@link EventChecks}: its attributes, the form of its data)
     */
    public static CloudEvent read(Map<String, String> headers, byte[] body) {
        CloudEvent event;
        try {
            event = HttpMessageFactory.createReader(headers, body == null ? new byte[0] : body).toEvent();
        } catch (RuntimeException e) {   // the SDK's CloudEventRWException, or a missing required attribute
            throw new UnprocessableEvent("not a valid CloudEvent: " + e.getMessage());
        }
        if (event.getId().isBlank()) {
            throw new UnprocessableEvent("not a valid CloudEvent: the id is empty");
        }
        EventChecks.check(event);
        return event;
    }
}
