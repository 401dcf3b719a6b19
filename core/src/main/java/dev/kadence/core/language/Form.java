package dev.kadence.core.language;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A way of writing one kind of value (a day, a time of day), which phrases use alone ("due Dec 24") or inside
 * others ("until Dec 24", "remind me at 8:45"). {@code lead} is what must come before it when it stands alone (a bare
 * "9/11" is a title; "on 9/11" is a day).
 */
final class Form<T> {
    private static final Pattern CAPTURE = Pattern.compile("(?<!\\\\)\\((?!\\?)");

    private final String name;
    private final String regex;
    private final Lead lead;
    private final Reader<T> reader;
    private final List<String> examples;
    private final Pattern whole;

    enum Lead {
        OPTIONAL, REQUIRED
    }

    @FunctionalInterface
    interface Reader<T> {
        /** The value, or null when the words are not one (February 30). */
        T read(MatchResult match, ReadingContext context);
    }

    Form(String name, String regex, Lead lead, Reader<T> reader, String... examples) {
        this.name = name;
        this.regex = regex;
        this.lead = lead;
        this.reader = reader;
        this.examples = List.of(examples);
        this.whole = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    String regex() {
        return regex;
    }

    List<String> examples() {
        return examples;
    }

    /** Any of {@code forms}, as one regex fragment without capturing groups. */
    static String any(List<? extends Form<?>> forms) {
        return forms.stream().map(f -> CAPTURE.matcher(f.regex()).replaceAll("(?:"))
            .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** The value that one of {@code forms} reads the whole of {@code text} as, or null. */
    static <T> T read(List<Form<T>> forms, String text, ReadingContext context) {
        for (Form<T> form : forms) {
            Matcher m = form.whole.matcher(text);
            if (m.matches()) {
                T value = form.reader.read(m, context);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * This form standing alone, after {@code leadRegex} (optional or required as the form says); the examples of a form
     * that needs its lead get {@code leadExample} before them.
     */
    Phrase phrase(Recognised.Kind kind, String leadRegex, String leadExample, Function<T, Part> part) {
        String before = lead == Lead.REQUIRED ? leadRegex : leadRegex + "?";
        return Phrase.of(name, kind, before + "(?:" + regex + ")", (m, c) -> {
            T value = reader.read(m, c);
            return value == null ? null : part.apply(value);
        }, examples.stream().map(e -> lead == Lead.REQUIRED ? leadExample + " " + e : e).toArray(String[]::new));
    }
}
