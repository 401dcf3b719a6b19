package dev.kadence.core.api;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON request body read field by field, so that a missing field, an explicit {@code null} and a
 * value of the wrong type can each be told apart and reported against the field's name.
 */
public final class Body {
    private final JsonNode node;
    private final Violations violations;

    private Body(JsonNode node, Violations violations) {
        this.node = node;
        this.violations = violations;
    }

    public static Body of(JsonNode node, Violations violations) {
        if (node == null || !node.isObject()) {
            throw KadenceException.invalid("body", "not_an_object", "must be a JSON object");
        }
        return new Body(node, violations);
    }

    /** True when the field is present, even as {@code null}. */
    public boolean has(String field) {
        return node.get(field) != null;
    }

    public JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public String string(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            violations.add(field, "not_a_string", "must be a string");
            return null;
        }
        return clean(field, value.getStringValue(), violations);
    }

    /**
     * {@code text} if it can be stored and shown: no NUL or other control character but tab, line feed and carriage
     * return (PostgreSQL's text cannot hold NUL), no half of a surrogate pair. Else null, with the violation.
     */
    static String clean(String field, String text, Violations violations) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
            boolean halfPair = Character.isHighSurrogate(c) ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                : Character.isLowSurrogate(c);
            if (control || halfPair) {
                violations.add(field, "invalid_character", control ? "must not contain control characters"
                    : "must not contain half of a surrogate pair");
                return null;
            }
        }
        return text;
    }

    /**
     * True when {@code text} shows nothing: every character is white space (also the no-break spaces, which
     * {@link String#strip()} keeps) or an invisible format character (Unicode category Cf: zero-width space, joiner and
     * non-joiner, word joiner, byte-order mark, bidirectional marks…). A title or tag of only these is empty.
     */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
            || Character.getType(c) == Character.FORMAT);
    }

    public List<String> strings(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            violations.add(field, "not_an_array", "must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                violations.add(field, "not_a_string", "every item must be a string");
                return null;
            }
            out.add(item.getStringValue());
        }
        return out;
    }

    public List<Body> objects(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            violations.add(field, "not_an_array", "must be an array of objects");
            return null;
        }
        List<Body> out = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isObject()) {
                violations.add(field, "not_an_object", "every item must be an object");
                return null;
            }
            out.add(new Body(item, violations));
        }
        return out;
    }

    public Body object(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            violations.add(field, "not_an_object", "must be an object");
            return null;
        }
        return new Body(value, violations);
    }
}
