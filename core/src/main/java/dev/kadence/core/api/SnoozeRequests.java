package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import dev.kadence.core.task.Snoozes;
import dev.kadence.core.time.Times;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;

/** {@code POST /notifications/{id}/snooze} bodies: {@code {until}} (RFC 3339) or {@code {preset: 10m|1h|tomorrow_morning}}. */
public final class SnoozeRequests {
    private SnoozeRequests() {
    }

    public static Snoozes.Snooze snooze(JsonNode json) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        Instant until = Times.instant("until", body.string("until"), v);
        String presetText = body.string("preset");
        Snoozes.Preset preset = presetText == null ? null : Snoozes.Preset.ofWire(presetText);
        if (presetText != null && preset == null) {
            v.add("preset", "invalid_preset", "must be 10m, 1h or tomorrow_morning");
        }
        if (body.raw("until") != null && body.raw("preset") != null) {
            v.add("until", "conflicting_fields", "give either until or preset, not both");
        } else if (until == null && presetText == null && v.isEmpty()) {
            v.add("until", "required", "is required (or a preset: 10m, 1h or tomorrow_morning)");
        }
        v.throwIfAny();
        return new Snoozes.Snooze(until, preset);
    }
}
