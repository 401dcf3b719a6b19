package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes structural schema made strict, the way the API server prunes but as errors: every object schema
 * that lists {@code properties} rejects any other field, unless it says {@code x-kubernetes-preserve-unknown-fields}
 * or has its own {@code additionalProperties}. {@code x-kubernetes-int-or-string} accepts an integer or a string.
 * The {@code x-kubernetes-*} keywords (and OpenAPI's {@code example}) are then dropped: they are not JSON Schema
 * and the validator would warn about each.
 */
final class StrictSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StrictSchema() {
    }

    static ObjectNode of(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        tighten(copy);
        return copy;
    }

    private static void tighten(JsonNode node) {
        if (node.isArray()) {
            node.forEach(StrictSchema::tighten);
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean() && !schema.has("anyOf") && !schema.has("oneOf")) {
            schema.putArray("anyOf").add(JSON.objectNode().put("type", "integer"))
                    .add(JSON.objectNode().put("type", "string"));
        }
        if (describesObject(schema) && schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            schema.put("additionalProperties", false);
        }
        List<String> notJsonSchema = new ArrayList<>();
        schema.fieldNames().forEachRemaining(keyword -> {
            if (keyword.startsWith("x-kubernetes-") || keyword.equals("example")) {
                notJsonSchema.add(keyword);
            }
        });
        schema.remove(notJsonSchema);
        schema.path("properties").forEach(StrictSchema::tighten);
        schema.path("patternProperties").forEach(StrictSchema::tighten);
        tighten(schema.path("items"));
        tighten(schema.path("additionalProperties"));
        tighten(schema.path("not"));
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            tighten(schema.path(combinator));
        }
    }

    /** {@code type: object}, or a type list with object in it ({@code ["object", "null"]} in the core schemas). */
    private static boolean describesObject(ObjectNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if ("object".equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "object".equals(type.asText());
    }
}
