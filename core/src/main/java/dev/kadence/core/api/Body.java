package dev.kadence.core.api;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON request body read field by field, so that a missing field, an explicit {@code null} and a
 * value of the wrong type can each be told apart and reported against the field's name — its whole name in the body:
 * a nested object's fields are reported as {@code recurrence.rule}, an array's items' as {@code reminders[1].at}.
 */
public final class Body {
    private final JsonNode node;
    private final Violations violations;
    /** What this object's fields are called in the body: "" at the top, {@code reminders[1].} for the second reminder. */
    private final String path;

    private Body(JsonNode node, Violations violations, String path) {
        this.node = node;
        this.violations = violations;
        this.path = path;
    }

    public static Body of(JsonNode node, Violations violations) {
        if (node == null || !node.isObject()) {
            throw KadenceException.invalid("body", "not_an_object", "must be a JSON object");
        }
        return new Body(node, violations, "");
    }

    /**
     * This object read as if it were {@code field} of its parent: its fields are reported as {@code field.name}. For
     * bodies that carry at their top level what a task carries under a field ({@code POST /recurrence/preview}).
     */
    public Body as(String field) {
        return new Body(node, violations, name(field) + ".");
    }

    /** The whole name of {@code field} of this object, as errors report it. */
    public String name(String field) {
        return path + field;
    }

    /** True when the field is present, even as {@code null}. */
    public boolean has(String field) {
        return node.get(field) != null;
    }

    public JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** The field's true or false; absent or null is false. */
    public boolean bool(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            violations.add(name(field), "not_a_boolean", "must be true or false");
            return false;
        }
        return value.getBooleanValue();
    }

    public String string(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            violations.add(name(field), "not_a_string", "must be a string");
            return null;
        }
        return clean(name(field), value.getStringValue(), violations);
    }

    /**
     * {@code text} if it can be stored and shown: no NUL or other control character but tab, line feed and carriage
     * return (PostgreSQL's text cannot hold NUL), no half of a surrogate pair. Else null, with the violation. Every
     * string the API or an event delivery takes passes here: {@link #string}, {@link #strings}, the list's query
     * parameters and, for events, every attribute and every string of the data (core/inbox/EventChecks).
     */
    public static String clean(String field, String text, Violations violations) {
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
            violations.add(name(field), "not_an_array", "must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                violations.add(name(field), "not_a_string", "every item must be a string");
                return null;
            }
            String text = clean(name(field), item.getStringValue(), violations);
            if (text == null) {
                return null;
            }
            out.add(text);
        }
        return out;
    }

    public List<Body> objects(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            violations.add(name(field), "not_an_array", "must be an array of objects");
            return null;
        }
        List<Body> out = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isObject()) {
                violations.add(name(field), "not_an_object", "every item must be an object");
                return null;
            }
            out.add(new Body(item, violations, name(field) + "[" + out.size() + "]."));
        }
        return out;
    }

    public Body object(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            violations.add(name(field), "not_an_object", "must be an object");
            return null;
        }
        return new Body(value, violations, name(field) + ".");
    }
}
