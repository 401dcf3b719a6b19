package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import io.micronaut.json.tree.JsonNode;

import java.util.UUID;

/** {@code POST /assistant/messages} bodies: {@code {text, conversation_id?}}, read field by field. */
public final class AssistantRequests {
    /** Longer is not a sentence to the assistant (and not a quick-add line either). */
    public static final int MAX_TEXT = 1000;

    private AssistantRequests() {
    }

    /** What the user said, and in which conversation (null: a new one). */
    public record Message(String text, UUID conversationId) {
    }

    public static Message message(JsonNode json) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        String text = text(body, v);
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
        return new Message(text, conversation);
    }

    /** A required {@code text}: not blank, at most {@link #MAX_TEXT} characters, no control characters but tab. */
    static String text(Body body, Violations v) {
        String raw = body.string("text");
        if (raw == null) {
            if (!v.has("text")) {
                v.add("text", "required", "is required");
            }
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            v.add("text", "empty", "must not be empty");
        } else if (text.length() > MAX_TEXT) {
            v.add("text", "too_long", "must be at most " + MAX_TEXT + " characters");
        } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            v.add("text", "control_character", "must not contain control characters");
        }
        return text;
    }
}
