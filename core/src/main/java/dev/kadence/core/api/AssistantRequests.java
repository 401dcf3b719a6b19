package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import io.micronaut.json.tree.JsonNode;

import java.util.UUID;

/** {@code POST /assistant/messages} bodies: {@code {text, conversation_id?}}, read field by field; the text as a quick add's. */
public final class AssistantRequests {
    private AssistantRequests() {
    }

    /** What the user said, and in which conversation (null: a new one). */
    public record Message(String text, UUID conversationId) {
    }

    public static Message message(JsonNode json) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        String text = QuickAddRequests.text(body, v);     // the same bounds as a quick-add line
        String id = body.string("conversation_id");
        UUID conversation = null;
        if (id != null) {
            try {
                conversation = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                v.add("conversation_id", "invalid_id", "must be the id of one of your conversations");
            }
        }
        v.throwIfAny();
        return new Message(text.strip(), conversation);
    }
}
