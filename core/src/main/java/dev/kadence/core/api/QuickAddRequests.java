package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import io.micronaut.json.tree.JsonNode;

/**
 * {@code POST /quick-add/parse} bodies, {@code {text}}: a string that is not blank, of at most {@link #MAX_TEXT}
 * characters (Unicode code points, counted as given: spaces around it count, so the reader's work stays bounded), with
 * no NUL character (PostgreSQL's text cannot hold one, so no title could). The text is handed on as given, not trimmed:
 * the spans of the reading are positions in it, for the client to highlight in what the user typed.
 */
public final class QuickAddRequests {
    public static final int MAX_TEXT = 1000;

    private QuickAddRequests() {
    }

    /** The {@code text} of the body. */
    public static String text(JsonNode json) {
        Violations violations = new Violations();
        String text = text(Body.of(json, violations), violations);
        violations.throwIfAny();
        return text;
    }

    /** A body's {@code text} as said, with what is wrong with it added to {@code violations}. */
    static String text(Body body, Violations violations) {
        String text = body.string("text");
        if (text == null) {
            if (!violations.has("text")) {
                violations.add("text", "required", "is required");
            }
        } else if (Body.isBlank(text)) {
            violations.add("text", "empty", "must not be empty");
        } else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            violations.add("text", "too_long", "must be at most " + MAX_TEXT + " characters");
        } else if (text.indexOf('\0') >= 0) {
            violations.add("text", "invalid_character", "must not contain NUL characters");
        }
        return text;
    }
}
