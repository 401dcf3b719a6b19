package dev.kadence.core.language;

import java.util.List;
import java.util.stream.Stream;

import static dev.kadence.core.language.Recognised.Kind.DUE;

/**
 * The quick-add grammar: every phrase family, in the order they claim words. Tags and priority first (they are marked),
 * then reminders and recurrences (they contain days and times: "remind me at 8:45", "until Dec 31"), then days and
 * times on their own. Words claimed by one family are not read again; what no family claims is the title.
 */
final class Grammar {
    /** Before a day standing alone: "on", "by", "due", "due on". */
    private static final String DAY_LEAD = "(?:(?:due\\s+)?(?:on|by)\\s+|due\\s+)";
    /** Before a time standing alone: "at", "by", "due", "due at". */
    private static final String TIME_LEAD = "(?:(?:due\\s+)?(?:at|by)\\s+|due\\s+)";

    static final List<Phrase> PHRASES = Stream.of(
        Metadata.PHRASES.stream(),
        Reminding.PHRASES.stream(),
        Recurrences.PHRASES.stream(),
        Stream.of(Phrase.of("in N hours", DUE, "in\\s+(" + Words.DURATION + ")",
            (m, c) -> moment(m.group(1), c), "in 2 hours", "in 30 minutes", "in an hour")),
        Days.FORMS.stream().map(f -> f.phrase(DUE, DAY_LEAD, "on", day -> new Part.Day(day.date(), day.evening()))),
        Hours.FORMS.stream().map(f -> f.phrase(DUE, TIME_LEAD, "at", said -> new Part.TimeOfDay(said.time(), said.ambiguous())))
    ).flatMap(s -> s).toList();

    private Grammar() {
    }

    /** "in 2 hours": now plus that, to the minute; days and weeks ("in 3 days") are days, read by {@link Days}. */
    private static Part moment(String duration, ReadingContext c) {
        var d = Words.duration(duration);
        if (d == null || d.toHours() >= 24) {
            return null;
        }
        return new Part.Moment(java.time.LocalDateTime.ofInstant(c.now().plus(d), c.zone()).withSecond(0).withNano(0));
    }
}
