package dev.kadence.core.language;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One family of phrases: a small pattern (case-insensitive, matched at word boundaries), what a match says (a
 * {@link Part}, or null when the words turn out not to be one, e.g. "February 30"), and examples, which the tests
 * read. The {@link Grammar} lists the families; the first that claims some words has them.
 */
record Phrase(String name, Recognised.Kind kind, Pattern pattern, Reader reader, List<String> examples) {

    /** What a match says, read against the sentence's context (today, the user's date order). */
    @FunctionalInterface
    interface Reader {
        Part read(MatchResult match, ReadingContext context);
    }

    static Phrase of(String name, Recognised.Kind kind, String regex, Reader reader, String... examples) {
        return new Phrase(name, kind, bounded(regex), reader, List.of(examples));
    }

    /** The regex, matched only where a word starts and ends ("mon" is not in "money", "9/1" not in "9/11"). */
    static Pattern bounded(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_#@/])(?:" + regex + ")(?![\\p{L}\\p{N}_]|[/:.]\\p{N})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
