package dev.kadence.core.language;

import java.util.Locale;

/**
 * A span of the text and what it was read as, so a client can highlight it and a test can assert it: {@code start}
 * inclusive, {@code end} exclusive, in UTF-16 units of the text as given; {@code text} is that part of the text.
 */
public record Recognised(int start, int end, Kind kind, String text) {

    public enum Kind {
        DUE, RECURRENCE, PRIORITY, TAG, REMINDER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
