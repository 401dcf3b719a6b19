package dev.kadence.core.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to a task as the activity log shows it: what kind ({@code created}, {@code updated}, {@code completed},
 * {@code reopened}, {@code deleted}), when, made by which function, and each field's value before and after.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActivityEntry(UUID id, UUID taskId, String type, Instant at, String actor, List<Change> changes) {

    /** A field's value before and after, as text (a time in RFC 3339, a list joined by ", "); null when unset. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String field, String from, String to) {
    }
}
