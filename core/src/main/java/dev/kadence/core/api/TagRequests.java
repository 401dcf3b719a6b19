package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import dev.kadence.core.tag.TagNames;
import io.micronaut.json.tree.JsonNode;

/** {@code POST /tags} and {@code PATCH /tags/{id}} bodies: {@code {name}}, trimmed and lower-cased. */
public final class TagRequests {
    private TagRequests() {
    }

    public static String name(JsonNode json) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        String raw = body.string("name");
        String name = v.has("name") ? null : TagNames.normalize("name", raw, v);
        v.throwIfAny();
        return name;
    }
}
