package dev.kadence.core.language;

import dev.kadence.core.language.Cadence.Frequency;
import dev.kadence.core.recurrence.Mode;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kadence.core.language.Recognised.Kind.RECURRENCE;
import static dev.kadence.core.language.Words.DAY;
import static dev.kadence.core.language.Words.DAY_ORDINAL;
import static dev.kadence.core.language.Words.MONTH;
import static dev.kadence.core.language.Words.POSITION;
import static dev.kadence.core.language.Words.WEEKDAY;
import static dev.kadence.core.language.Words.WEEKDAYS;

/**
 * How a series repeats, and how it starts and ends. The more specific families come first ("every year on Jan 27"
 * before "every year"). "every!" (or "after completion") counts from completion. "daily", "weekly", … are a rule only
 * at the end of the text or before another phrase ("Team standup daily at 9 AM"), not before a noun ("weekly report").
 */
final class Recurrences {
    private static final String EVERY = "every(!)?\\s+";
    /** "other" ("second") or a count ("3", "3rd", "three", "third"), as groups 2 and 3. */
    private static final String INTERVAL = "(?:(other|second)\\s+|(\\d{1,3}(?:st|nd|rd|th)?|two|three|third|four|fourth|five|six|seven|eight|nine|ten|twelve)\\s+)?";
    private static final String MONTH_DAYS = DAY_ORDINAL + "(?:(?:\\s*,\\s*|\\s*,?\\s+and\\s+)(?:the\\s+)?" + DAY_ORDINAL + ")*";
    private static final String OF_THE_MONTH = "(?:\\s+of\\s+(?:the|each|every)\\s+month)?";
    private static final Pattern DAY_NUMBER = Pattern.compile("\\d{1,2}");

    static final List<Phrase> PHRASES = List.of(
        Phrase.of("every N weeks on days", RECURRENCE, EVERY + INTERVAL + "weeks?\\s+on\\s+(" + WEEKDAYS + ")",
            (m, c) -> repeats(m, Cadence.weekly(interval(m), Words.weekdays(m.group(4)))),
            "every 2 weeks on Mon", "every week on Tuesday and Thursday", "every other week on fri"),
        Phrase.of("every N months on days", RECURRENCE, EVERY + INTERVAL + "months?\\s+on\\s+(?:the\\s+)?(" + MONTH_DAYS + "|last\\s+day)",
            (m, c) -> repeats(m, Cadence.monthlyOn(interval(m), monthDays(m.group(4)))),
            "every month on the 1st", "every 2 months on the 15th", "every month on the 1st and 15th", "every month on the last day"),
        Phrase.of("every year on a date", RECURRENCE, EVERY + "(?:year\\s+on\\s+)?(?:(" + MONTH + ")\\s+(" + DAY + ")|(" + DAY + ")\\s+(?:of\\s+)?(" + MONTH + "))",
            Recurrences::yearly,
            "every year on Jan 27", "every Jan 27", "every 27th of January", "every year on Feb 29"),
        Phrase.of("every nth weekday of the month", RECURRENCE, EVERY + "(" + POSITION + ")\\s+(" + WEEKDAY + ")" + OF_THE_MONTH,
            (m, c) -> repeats(m, Cadence.monthlyOnThe(Words.position(m.group(2)), Words.weekday(m.group(3)))),
            "every last Friday", "every 3rd Friday", "every first Monday of the month", "every second tue of every month"),
        Phrase.of("the nth weekday of every month", RECURRENCE, "(?:on\\s+)?the\\s+(" + POSITION + ")\\s+(" + WEEKDAY + ")\\s+of\\s+(?:each|every)\\s+month",
            (m, c) -> new Part.Repeats(Cadence.monthlyOnThe(Words.position(m.group(1)), Words.weekday(m.group(2))), Mode.SCHEDULE),
            "the last Friday of every month", "on the first Monday of each month"),
        Phrase.of("every last day of the month", RECURRENCE, EVERY + "last\\s+day" + OF_THE_MONTH,
            (m, c) -> repeats(m, Cadence.monthlyOn(1, List.of(-1))),
            "every last day", "every last day of the month"),
        Phrase.of("every day of the month", RECURRENCE, EVERY + "(?:the\\s+)?(" + MONTH_DAYS + ")" + OF_THE_MONTH + "(?!\\s+(?:day|week|month|year)s?\\b)",
            (m, c) -> repeats(m, Cadence.monthlyOn(1, monthDays(m.group(2)))),
            "every 15th", "every 1st and 15th", "every 31st of the month"),
        Phrase.of("every weekday or weekend", RECURRENCE, EVERY + "(weekday|workday|working\\s+day|weekend)s?|on\\s+(weekday|weekend)s",
            (m, c) -> repeats(m, Cadence.weekly(1, (m.group(2) != null ? m.group(2) : m.group(3)).toLowerCase(Locale.ROOT).startsWith("weekend")
                ? List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
                : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))),
            "every weekday", "every weekend", "every workday", "on weekdays"),
        Phrase.of("every (other) weekday", RECURRENCE, EVERY + "(?:(other)\\s+)?(" + WEEKDAYS + ")",
            (m, c) -> repeats(m, Cadence.weekly(m.group(2) != null ? 2 : 1, Words.weekdays(m.group(3)))),
            "every Monday", "every mon and thu", "every Mon, Wed and Fri", "every other Friday", "every Tuesdays"),
        Phrase.of("every N units", RECURRENCE, EVERY + INTERVAL + "(day|week|month|year)s?",
            (m, c) -> repeats(m, Cadence.every(frequency(m.group(4)), interval(m))),
            "every day", "every 3 days", "every other week", "every 2 weeks", "every month", "every! 2 weeks", "every year",
            "every 2nd day", "every third month"),
        Phrase.of("daily, weekly, monthly, yearly", RECURRENCE, "(daily|weekly|monthly|yearly|annually|fortnightly)(!)?" + Words.BEFORE_A_PHRASE,
            (m, c) -> new Part.Repeats(adverb(m.group(1)), m.group(2) != null ? Mode.COMPLETION : Mode.SCHEDULE),
            "daily", "weekly", "monthly", "yearly", "annually", "fortnightly"),
        Phrase.of("after completion", RECURRENCE, "after\\s+(?:completion|completing(?:\\s+it)?|it(?:'s|\\s+is)\\s+done)",
            (m, c) -> new Part.FromCompletion(),
            "after completion", "after it's done"),
        Phrase.of("starting a day", RECURRENCE, "(?:starting|beginning)\\s+(?:on\\s+|from\\s+)?(" + Days.ANY + ")",
            (m, c) -> {
                var day = Days.read(m.group(1), c);
                return day == null ? null : new Part.Starting(day);
            },
            "starting Monday", "starting on Jan 5", "beginning next month"),
        Phrase.of("until a day", RECURRENCE, "(?:until|till|through)\\s+(" + Days.ANY + ")",
            (m, c) -> {
                var day = Days.read(m.group(1), c);
                return day == null ? null : new Part.Until(day);
            },
            "until Dec 31", "until 2027-06-30", "till the end of the year", "until 31/12"),
        Phrase.of("N times", RECURRENCE, "(?:for\\s+)?(\\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twelve)\\s+times",
            (m, c) -> {
                int n = Words.count(m.group(1));
                return n < 1 || n > 1000 ? null : new Part.Times(n);
            },
            "3 times", "for 10 times", "five times"));

    private Recurrences() {
    }

    private static Part repeats(MatchResult m, Cadence cadence) {
        return new Part.Repeats(cadence, m.group(1) != null ? Mode.COMPLETION : Mode.SCHEDULE);
    }

    private static int interval(MatchResult m) {
        return m.group(2) != null ? 2 : m.group(3) != null ? Math.max(1, Words.count(m.group(3).replaceAll("(?i)(?<=\\d)(st|nd|rd|th)$", ""))) : 1;
    }

    private static Frequency frequency(String unit) {
        return Frequency.valueOf(switch (unit.toLowerCase(Locale.ROOT)) {
            case "day" -> "DAILY";
            case "week" -> "WEEKLY";
            case "month" -> "MONTHLY";
            default -> "YEARLY";
        });
    }

    private static Cadence adverb(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "daily" -> Cadence.every(Frequency.DAILY, 1);
            case "weekly" -> Cadence.every(Frequency.WEEKLY, 1);
            case "fortnightly" -> Cadence.every(Frequency.WEEKLY, 2);
            case "monthly" -> Cadence.every(Frequency.MONTHLY, 1);
            default -> Cadence.every(Frequency.YEARLY, 1);
        };
    }

    /** "1st and 15th" → [1, 15]; "last day" → [-1]. */
    private static List<Integer> monthDays(String text) {
        if (text.toLowerCase(Locale.ROOT).startsWith("last")) {
            return List.of(-1);
        }
        Matcher m = DAY_NUMBER.matcher(text);
        List<Integer> days = new java.util.ArrayList<>();
        while (m.find()) {
            int day = Integer.parseInt(m.group());
            if (!days.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private static Part yearly(MatchResult m, ReadingContext c) {
        boolean monthFirst = m.group(2) != null;
        var month = Words.month(monthFirst ? m.group(2) : m.group(5));
        int day = Words.dayNumber(monthFirst ? m.group(3) : m.group(4));
        if (day > month.maxLength()) {
            return null;
        }
        return repeats(m, Cadence.yearlyOn(month.getValue(), day));
    }
}
