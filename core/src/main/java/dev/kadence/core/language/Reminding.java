package dev.kadence.core.language;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kadence.core.language.Recognised.Kind.REMINDER;
import static dev.kadence.core.language.Words.DURATION;

/**
 * Reminders: a duration before the due time ("remind me 15 minutes before", "with a 1 hour reminder") or a time of
 * day on the due day ("remind me at 8:45"), several in one phrase ("remind me 1 day and 1 hour before").
 */
final class Reminding {
    private static final String ITEM = "(?:" + DURATION + "(?:\\s+(?:before|earlier|ahead))?|(?:at\\s+)?" + Hours.ANY + ")";
    private static final String ITEMS = ITEM + "(?:(?:\\s*,\\s*|\\s*,?\\s+and\\s+)" + ITEM + ")*";
    private static final Pattern EACH = Pattern.compile("(" + DURATION + ")|(?:at\\s+)?(" + Hours.ANY + ")",
        Pattern.CASE_INSENSITIVE);

    static final List<Phrase> PHRASES = List.of(
        Phrase.of("remind me …", REMINDER, "(?:remind(?:\\s+me)?|(?:with\\s+)?(?:an?\\s+)?reminders?)\\s+(" + ITEMS + ")",
            (m, c) -> reminders(m.group(1), c),
            "remind me 15 minutes before", "remind me at 8:45", "remind me 1 day and 1 hour before",
            "with a reminder 15 minutes before", "remind me 2h before, at 9am and 10 min before", "reminder 30 min before"),
        Phrase.of("a … reminder", REMINDER, "(?:with\\s+)?(?:an?\\s+)?(" + DURATION + ")\\s+reminder",
            (m, c) -> before(m),
            "with a 1 hour reminder", "a 30-minute reminder", "with an hour reminder"));

    private Reminding() {
    }

    private static Part reminders(String items, ReadingContext context) {
        List<Part.Wish> wishes = new ArrayList<>();
        Matcher m = EACH.matcher(items);
        while (m.find()) {
            if (m.group(1) != null) {
                Duration d = Words.duration(m.group(1));
                if (d == null) {
                    return null;
                }
                wishes.add(new Part.Before(d));
            } else {
                wishes.add(new Part.At(Hours.read(m.group(2), context).time()));
            }
        }
        return wishes.isEmpty() ? null : new Part.Reminders(wishes);
    }

    private static Part before(MatchResult m) {
        Duration d = Words.duration(m.group(1));
        return d == null ? null : new Part.Reminders(List.of(new Part.Before(d)));
    }
}
