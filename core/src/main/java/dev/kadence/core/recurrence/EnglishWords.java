package dev.kadence.core.recurrence;

import org.dmfs.rfc5545.Weekday;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** The words of a recurrence summary: weekdays, months, ordinals ("second-to-last") and lists ("a, b and c"). */
final class EnglishWords {
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};

    private EnglishWords() {
    }

    static String weekday(Weekday day) {
        return dayOfWeek(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static DayOfWeek dayOfWeek(Weekday day) {
        return switch (day) {
            case MO -> DayOfWeek.MONDAY;
            case TU -> DayOfWeek.TUESDAY;
            case WE -> DayOfWeek.WEDNESDAY;
            case TH -> DayOfWeek.THURSDAY;
            case FR -> DayOfWeek.FRIDAY;
            case SA -> DayOfWeek.SATURDAY;
            case SU -> DayOfWeek.SUNDAY;
        };
    }

    static String month(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** 1 → "first", 13 → "13th", -1 → "last", -2 → "second-to-last". */
    static String ordinal(int n) {
        if (n == -1) {
            return "last";
        }
        if (n < 0) {
            return ordinal(-n) + "-to-last";
        }
        return n <= ORDINALS.length ? ORDINALS[n - 1] : numbered(n);
    }

    /** 1 → "1st", 13 → "13th", 22 → "22nd". */
    static String numbered(int n) {
        return n + suffix(n);
    }

    /** A day of the month: 31 → "day 31", -1 → "the last day", -3 → "the third-to-last day". */
    static String monthDay(int day) {
        return day > 0 ? "day " + day : "the " + ordinal(day) + " day";
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** "every day", "every 3 days". */
    static String every(int n, String unit) {
        return n == 1 ? "every " + unit : "every " + n + " " + unit + "s";
    }

    private static String suffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
