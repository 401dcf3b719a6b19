package dev.kadence.core.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.http.impl.HttpMessageReader;

import java.util.Map;

/**
 * Reads a CloudEvent delivered over HTTP, in binary mode ({@code ce-*} headers, the body is the data: what a
 * KafkaSource sends) or in structured mode ({@code Content-Type: application/cloudevents+json}), and lets through only
 * what Kadence can process: the boundary of every function's inbox, where {@link EventChecks} applies the input
 * hygiene of the API to events.
 *
 * <p>A binary-mode event is read without the SDK's registry of event formats: the SDK consults it for any request
 * with a {@code Content-Type}, and the registry makes its JSON format, a Jackson {@code ObjectMapper} — some 430
 * classes loaded and an object mapper built in the first event of every cold start (docs/startup-and-memory.md) for a
 * mode the platform does not send. The SDK tells the modes apart the same way: structured mode is a
 * {@code Content-Type} that starts with {@code application/cloudevents}.
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
            event = reader(headers, body == null ? new byte[0] : body).toEvent();
        } catch (RuntimeException e) {   // the SDK's CloudEventRWException, or a missing required attribute
            throw new UnprocessableEvent("not a valid CloudEvent: " + e.getMessage());
        }
        if (event.getId().isBlank()) {
            throw new UnprocessableEvent("not a valid CloudEvent: the id is empty");
        }
        EventChecks.check(event);
        return event;
    }

    private static MessageReader reader(Map<String, String> headers, byte[] body) {
        String contentType = null;
        String specVersion = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("content-type".equalsIgnoreCase(header.getKey())) {
                contentType = header.getValue();
            } else if ("ce-specversion".equalsIgnoreCase(header.getKey())) {
                specVersion = header.getValue();
            }
        }
        boolean structured = contentType != null && contentType.startsWith("application/cloudevents");
        if (structured || specVersion == null) {
            return HttpMessageFactory.createReader(headers, body);   // structured mode, or the SDK's own refusal
        }
        return new HttpMessageReader(SpecVersion.parse(specVersion), headers::forEach, body);
    }
}
