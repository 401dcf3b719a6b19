package dev.kadence.assistant;

import dev.kadence.core.error.Violations;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON schemas of the MCP tools' arguments, and their checking. A schema is made from a few builders below and
 * uses only these keywords of JSON Schema 2020-12: {@code type} (one), {@code properties},
 * {@code required}, {@code additionalProperties: false}, {@code items}, {@code enum}, {@code format: uuid},
 * {@code minLength}, {@code maxLength}, {@code minimum}, {@code maximum}, {@code maxItems}, and the annotations
 * {@code description} and {@code default}. {@link #check} checks arguments against exactly what the schema says, with
 * the API's error codes ({@code required}, {@code not_a_string}, {@code too_long}, {@code invalid_priority}…), every
 * error at once and each naming its argument, as a request body's errors name its fields.
 */
final class ToolSchema {
    /** The keywords {@link #check} understands; a test holds every tool's schema to them. */
    static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items", "enum",
        "format", "minLength", "maxLength", "minimum", "maximum", "maxItems", "description", "default");
    private static final Pattern UUID_TEXT =
        Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** Where the API's code for a value outside an enum is not {@code invalid_<argument>}. */
    private static final Map<String, String> ENUM_CODES = Map.of("sort_by", "invalid_sort", "repeat_mode", "invalid_mode");

    private ToolSchema() {
    }

    /** One argument: its name, its schema, and whether it must be given. */
    record Arg(String name, Map<String, Object> schema, boolean required) {
    }

    static Arg required(String name, Map<String, Object> schema) {
        return new Arg(name, schema, true);
    }

    static Arg optional(String name, Map<String, Object> schema) {
        return new Arg(name, schema, false);
    }

    /** The schema of a tool's arguments: an object of exactly these. */
    static Map<String, Object> object(Arg... args) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Arg arg : args) {
            properties.put(arg.name(), arg.schema());
            if (arg.required()) {
                required.add(arg.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> string(String description, int maxLength) {
        return schema("type", "string", "description", description, "minLength", 1, "maxLength", maxLength);
    }

    static Map<String, Object> uuid(String description) {
        return schema("type", "string", "format", "uuid", "description", description);
    }

    static Map<String, Object> oneOf(String description, List<String> values) {
        return schema("type", "string", "enum", values, "description", description);
    }

    static Map<String, Object> strings(String description, Map<String, Object> item, int maxItems) {
        return schema("type", "array", "items", item, "maxItems", maxItems, "description", description);
    }

    static Map<String, Object> bool(String description) {
        return schema("type", "boolean", "description", description);
    }

    static Map<String, Object> integer(String description, int minimum, int maximum, int byDefault) {
        return schema("type", "integer", "minimum", minimum, "maximum", maximum, "default", byDefault, "description", description);
    }

    private static Map<String, Object> schema(Object... keysAndValues) {
        Map<String, Object> schema = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            schema.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return schema;
    }

    /** Adds what is wrong with {@code arguments} (a tool call's, null for none) as {@code schema} says to {@code v}. */
    @SuppressWarnings("unchecked")
    static void check(Map<String, Object> schema, Map<String, Object> arguments, Violations v) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
        for (String name : args.keySet()) {
            if (!properties.containsKey(name)) {
                v.add(name, "unknown_field", "is not an argument of this tool; it takes " + String.join(", ", properties.keySet()));
            }
        }
        for (String name : (List<String>) schema.getOrDefault("required", List.of())) {
            if (args.get(name) == null) {
                v.add(name, "required", "is required");
            }
        }
        properties.forEach((name, property) -> {
            if (args.get(name) != null) {       // null is not given: some clients send every argument, null when unset
                value(name, name, property, args.get(name), v);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void value(String field, String name, Map<String, Object> schema, Object value, Violations v) {
        String type = (String) schema.get("type");
        switch (type) {
            case "string" -> {
                if (!(value instanceof String s)) {
                    v.add(field, "not_a_string", "must be a string");
                    return;
                }
                text(field, name, schema, s, v);
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    v.add(field, "not_a_boolean", "must be true or false");
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    v.add(field, "not_an_integer", "must be a whole number");
                    return;
                }
                long n = ((Number) value).longValue();
                Number min = (Number) schema.get("minimum");
                Number max = (Number) schema.get("maximum");
                if (min != null && n < min.longValue() || max != null && n > max.longValue()) {
                    v.add(field, "invalid_" + name, "must be a whole number from " + min + " to " + max);
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    v.add(field, "not_an_array", "must be an array");
                    return;
                }
                Number max = (Number) schema.get("maxItems");
                if (max != null && items.size() > max.intValue()) {
                    v.add(field, "too_many", "must have at most " + max + " items");
                    return;
                }
                Map<String, Object> item = (Map<String, Object>) schema.get("items");
                for (int i = 0; i < items.size(); i++) {
                    value(field + "[" + i + "]", name, item, items.get(i), v);
                }
            }
            default -> throw new IllegalStateException("a tool schema of type " + type + ": not one ToolSchema makes");
        }
    }

    private static void text(String field, String name, Map<String, Object> schema, String s, Violations v) {
        Number min = (Number) schema.get("minLength");
        Number max = (Number) schema.get("maxLength");
        int length = s.codePointCount(0, s.length());
        List<?> values = (List<?>) schema.get("enum");
        if (values != null && !values.contains(s)) {
            v.add(field, ENUM_CODES.getOrDefault(name, "invalid_" + name), "must be one of " + String.join(", ",
                values.stream().map(String::valueOf).toList()));
        } else if ("uuid".equals(schema.get("format")) && !UUID_TEXT.matcher(s).matches()) {
            v.add(field, "invalid_id", "must be an id (a UUID) as the tools return them");
        } else if (min != null && length < min.intValue()) {
            v.add(field, "empty", "must not be empty");
        } else if (max != null && length > max.intValue()) {
            v.add(field, "too_long", "must be at most " + max + " characters");
        }
    }

    /**
     * {@link #check} behind the SDK's validator interface, for what the SDK checks itself (structured output, and the
     * client's checks in tests): so that no second JSON-schema library is needed.
     */
    static final class Validator implements JsonSchemaValidator {
        @Override
        @SuppressWarnings("unchecked")
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            if (!(structuredContent instanceof Map<?, ?> map)) {
                return ValidationResponse.asInvalid("must be a JSON object");
            }
            Violations v = new Violations();
            check(schema, (Map<String, Object>) map, v);
            try {
                v.throwIfAny();
                return ValidationResponse.asValid(null);
            } catch (dev.kadence.core.error.KadenceException e) {
                return ValidationResponse.asInvalid(e.getMessage());
            }
        }
    }
}
