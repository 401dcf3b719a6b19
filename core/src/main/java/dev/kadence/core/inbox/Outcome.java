package dev.kadence.core.inbox;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * What came of one delivered event, and the HTTP status that tells its sender (a KafkaSource) whether to
 * deliver it again: it retries 5xx, and no 4xx but 404, 408, 409 and 429.
 *
 * @param outcome what happened
 * @param detail  why, for a rejected or failed event; null otherwise
 */
@Serdeable
public record Outcome(Kind outcome, String detail) {

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
        return new Outcome(Kind.DONE, null);
    }

    public static Outcome duplicate() {
        return new Outcome(Kind.DUPLICATE, null);
    }

    public static Outcome rejected(String detail) {
        return new Outcome(Kind.REJECTED, detail);
    }

    public static Outcome retry(String detail) {
        return new Outcome(Kind.RETRY, detail);
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
