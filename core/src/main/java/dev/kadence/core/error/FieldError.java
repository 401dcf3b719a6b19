package dev.kadence.core.error;

import io.micronaut.serde.annotation.Serdeable;

/** One offending input: which field (JSON name, or query parameter), a stable code, and what is wrong. */
@Serdeable
public record FieldError(String field, String code, String message) {
}
