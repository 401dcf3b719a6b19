package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.BiConsumer;

/** Visits every node of a JSON tree with its JSON path ({@code $.spec.containers[0].env}). */
final class Tree {

    private Tree() {
    }

    /** {@code .name}, or {@code ['autoscaling.knative.dev/min-scale']} for a key that is not a plain name. */
    static String step(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? "." + key : "['" + key + "']";
    }

    static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
        visitor.accept(path, node);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path + step(field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }
}
