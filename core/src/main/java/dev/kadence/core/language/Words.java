package dev.kadence.core.language;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary the phrases are built from: each a regular-expression fragment (no capturing groups, so phrases can
 * combine them freely) and the function that reads the words it matched.
 */
final class Words {
    static final String WEEKDAY = "(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
    static final String WEEKDAY_FULL = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    /** "Mon, Wed and Fri", "mon & thu", "Mondays": plural allowed ("every Mondays and Fridays"). */
    static final String WEEKDAYS = WEEKDAY + "s?(?:(?:\\s*,\\s*|\\s*,?\\s+and\\s+|\\s*&\\s*)" + WEEKDAY + "s?)*";
    static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    /** A day of the month written as an ordinal: 1st, 22nd, 31st (not a bare number). */
    static final String DAY_ORDINAL = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)";
    /** A day of the month with or without its suffix. */
    static final String DAY = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    /** The position of a weekday in its month. */
    static final String POSITION = "(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";
    /** A small count in words ("a", "an", "three", "half an"); digits are read separately. */
    static final String COUNT_WORD = "(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty-five|half an?)";
    static final String UNIT_WORD = "(?:minutes?|mins?|hours?|hrs?|days?|weeks?)";
    /** A length of time: "15 minutes", "15min", "2h", "an hour", "half an hour", "30-minute"; single letters only after digits. */
    static final String DURATION = "(?:\\d{1,3}[\\s-]*(?:" + UNIT_WORD + "|[mhdw])|" + COUNT_WORD + "[\\s-]+" + UNIT_WORD + ")";

    /**
     * What must follow a word that is only sometimes a phrase ("daily", a bare hour after "at"): the end, punctuation,
     * a number or a word that starts another phrase. "Team standup daily at 9" is a rule; "daily standup notes",
     * "weekly report" and "pay at 5 dollars" are titles.
     */
    static final String BEFORE_A_PHRASE = "(?=\\s*(?:$|[,;.#@!\\(\"“\u0001]|p[123]\\b|\\d|(?:at|on|by|due|every|starting|until|till|with|remind|reminder|for|and|in|today|tonight|tomorrow|tmrw|next|this|after|"
        + WEEKDAY_FULL.substring(3, WEEKDAY_FULL.length() - 1) + ")\\b))";

    private static final Pattern DURATION_PARTS = Pattern.compile("(\\d{1,3}|" + COUNT_WORD + ")[\\s-]*(" + UNIT_WORD + "|[mhdw])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_WEEKDAY = Pattern.compile(WEEKDAY, Pattern.CASE_INSENSITIVE);
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten");

    private Words() {
    }

    static DayOfWeek weekday(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (w.startsWith(day.name().toLowerCase(Locale.ROOT).substring(0, 3))) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a weekday: " + word);
    }

    /** Every weekday named in a list such as "Mon, Wed and Fri", in order, once each. */
    static List<DayOfWeek> weekdays(String list) {
        List<DayOfWeek> days = new ArrayList<>();
        Matcher m = ANY_WEEKDAY.matcher(list);
        while (m.find()) {
            DayOfWeek day = weekday(m.group());
            if (!days.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    static Month month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (w.startsWith(month.name().toLowerCase(Locale.ROOT).substring(0, 3))) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + word);
    }

    /** "3rd" → 3, "17" → 17. */
    static int dayNumber(String text) {
        return Integer.parseInt(text.replaceAll("\\D", ""));
    }

    /** "first" or "1st" → 1, "last" → -1. */
    static int position(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            case "fourth", "4th" -> 4;
            case "fifth", "5th" -> 5;
            case "last" -> -1;
            default -> throw new IllegalArgumentException("not a position: " + word);
        };
    }

    /** "3" → 3, "a"/"an" → 1, "three" → 3. */
    static int count(String word) {
        String w = word.toLowerCase(Locale.ROOT).strip();
        if (w.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(w);
        }
        return switch (w) {
            case "a", "an" -> 1;
            case "third" -> 3;
            case "fourth" -> 4;
            case "twelve" -> 12;
            case "fifteen" -> 15;
            case "twenty" -> 20;
            case "thirty" -> 30;
            case "forty-five" -> 45;
            default -> NUMBER_WORDS.indexOf(w);
        };
    }

    /** "15 minutes" → 15 minutes, "an hour" → 1 hour, "half an hour" → 30 minutes; null when zero. */
    static Duration duration(String text) {
        Matcher m = DURATION_PARTS.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        String count = m.group(1).toLowerCase(Locale.ROOT);
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        boolean half = count.startsWith("half");
        long n = half ? 1 : count(count);
        Duration one = switch (unit.charAt(0)) {
            case 'm' -> Duration.ofMinutes(1);
            case 'h' -> Duration.ofHours(1);
            case 'd' -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
        Duration d = one.multipliedBy(n);
        d = half ? d.dividedBy(2) : d;
        return d.isZero() ? null : d;
    }
}
