package dev.kadence.core.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kadence.core.error.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;

/**
 * What came of one delivered event, and the HTTP status that tells its sender (a KafkaSource) whether to
 * deliver it again: it retries 5xx, and no 4xx but 404, 408, 409 and 429.
 *
 * @param outcome what happened
 * @param detail  why, for a rejected or failed event; null otherwise
 * @param errors  for an event rejected for what it carries, each offending attribute or field of its data (as the API's
 *                field errors: {@code data.task.title}, {@code invalid_character}); left out of the answer when there are none
 */
@Serdeable
public record Outcome(Kind outcome, String detail,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<FieldError> errors) {

    @Serdeable
    public enum Kind {
        /** Processed now. */
        DONE(200),
        /** Processed before: nothing done this time. */
        DUPLICATE(200),
        /** Never processable (malformed, a type this consumer does not take, data that can never be valid). */
        REJECTED(400),
        /** Not processed now (the database is unavailable, an unexpected failure): deliver it again. */
        RETRY(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Outcome done() {
        return new Outcome(Kind.DONE, null, null);
    }

    public static Outcome duplicate() {
        return new Outcome(Kind.DUPLICATE, null, null);
    }

    public static Outcome rejected(String detail) {
        return rejected(detail, List.of());
    }

    public static Outcome rejected(String detail, List<FieldError> errors) {
        return new Outcome(Kind.REJECTED, detail, errors.isEmpty() ? null : List.copyOf(errors));
    }

    public static Outcome retry(String detail) {
        return new Outcome(Kind.RETRY, detail, null);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return outcome.status;
    }

    /** "done", "duplicate", "rejected: why", "retry: why" — for log lines. */
    @Override
    public String toString() {
        return detail == null ? outcome.code() : outcome.code() + ": " + detail;
    }
}
