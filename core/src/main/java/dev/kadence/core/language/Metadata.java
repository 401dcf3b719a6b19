package dev.kadence.core.language;

import dev.kadence.core.task.Priority;

import java.util.List;
import java.util.Locale;

import static dev.kadence.core.language.Recognised.Kind.PRIORITY;
import static dev.kadence.core.language.Recognised.Kind.TAG;

/**
 * Tags and priority. A tag is {@code #name} or {@code @name} with at least one letter ("#123" is an issue number, and
 * "C#" or "bob@example.com" are not tags); p1 is high, p3 low.
 */
final class Metadata {
    static final List<Phrase> PHRASES = List.of(
        Phrase.of("tag", TAG, "[#@]((?=[\\p{L}\\p{N}_/-]*\\p{L})[\\p{L}\\p{N}_][\\p{L}\\p{N}_/-]*)",
            (m, c) -> new Part.Tag(m.group(1)),
            "#home", "@work", "#Health", "#side-project"),
        Phrase.of("p1, p2, p3", PRIORITY, "p([123])",
            (m, c) -> new Part.PriorityIs(Priority.ofRank(4 - Integer.parseInt(m.group(1)))),
            "p1", "P2", "p3"),
        Phrase.of("!high, !medium, !low", PRIORITY, "!(high|medium|med|low)",
            (m, c) -> new Part.PriorityIs(level(m.group(1))),
            "!high", "!medium", "!low"),
        Phrase.of("high priority", PRIORITY, "(?:(high|medium|low)[\\s-]+priority|priority\\s*:?\\s*(high|medium|low))",
            (m, c) -> new Part.PriorityIs(level(m.group(1) != null ? m.group(1) : m.group(2))),
            "high priority", "high-priority", "low priority", "priority: medium"));

    private Metadata() {
    }

    private static Priority level(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "high" -> Priority.HIGH;
            case "low" -> Priority.LOW;
            default -> Priority.MEDIUM;
        };
    }
}
