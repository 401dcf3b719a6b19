package dev.kadence.core.language;

import dev.kadence.core.language.Form.Lead;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;

import static dev.kadence.core.language.Words.COUNT_WORD;
import static dev.kadence.core.language.Words.DAY;
import static dev.kadence.core.language.Words.DAY_ORDINAL;
import static dev.kadence.core.language.Words.MONTH;
import static dev.kadence.core.language.Words.WEEKDAY;
import static dev.kadence.core.language.Words.WEEKDAY_FULL;

/**
 * The ways of naming a day, relative to today in the user's zone. A day in the past is never meant: "Dec 24" is the
 * next December 24th, "Monday" the next Monday (never today), "on the 5th" the next 5th. Numeric days ("24/12",
 * read in the user's {@link ReadingContext.DateOrder}) and "the 5th" stand alone only after "on", "by" or "due" (or,
 * for numeric days, with a year), so "The 9/11 Report" and "Read 5th Wave" stay titles; a month name needs a day
 * ("March of the Penguins" stays a title).
 */
final class Days {
    /** A day: {@code evening} for "tonight" (an hour said without am/pm is then in the evening). */
    record Named(LocalDate date, boolean evening) {
        Named(LocalDate date) {
            this(date, false);
        }
    }

    static final List<Form<Named>> FORMS = List.of(
        new Form<>("today, tonight, tomorrow", "(today|tonight|tomorrow|tmrw)", Lead.OPTIONAL, Days::relative,
            "today", "tonight", "tomorrow", "due tomorrow", "by tmrw"),
        new Form<>("weekday", "(?:(?:this|next|coming)\\s+(" + WEEKDAY + ")|(" + WEEKDAY_FULL + "))", Lead.OPTIONAL,
            (m, c) -> new Named(today(c).with(TemporalAdjusters.next(Words.weekday(m.group(m.group(1) != null ? 1 : 2))))),
            "Friday", "on Monday", "next fri", "this Saturday", "by Sunday"),
        new Form<>("next week, month, year; the weekend", "(next\\s+(?:week|month|year)|(?:this|next)\\s+weekend)", Lead.OPTIONAL,
            (m, c) -> new Named(ahead(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), today(c))),
            "next week", "next month", "next year", "this weekend", "next weekend"),
        new Form<>("in N days", "in\\s+(\\d{1,3}|" + COUNT_WORD + ")\\s+(days?|weeks?|months?|years?)", Lead.OPTIONAL,
            (m, c) -> new Named(later(today(c), Words.count(m.group(1)), m.group(2).toLowerCase(Locale.ROOT).charAt(0))),
            "in 3 days", "in a week", "in two weeks", "in 6 months"),
        new Form<>("end of the month", "(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(week|month|year)", Lead.OPTIONAL,
            (m, c) -> new Named(endOf(m.group(1).toLowerCase(Locale.ROOT), today(c))),
            "end of month", "by the end of the month", "end of the week", "end of year"),
        new Form<>("month and day", "(" + MONTH + ")\\s+(" + DAY + ")(?:,?\\s+(\\d{4}))?", Lead.OPTIONAL,
            (m, c) -> onDay(c, m.group(3), Words.month(m.group(1)), Words.dayNumber(m.group(2))),
            "Dec 24", "December 24th", "on Jan 5, 2027", "Sept 3"),
        new Form<>("day and month", "(" + DAY + ")\\s+(?:of\\s+)?(" + MONTH + ")(?:,?\\s+(\\d{4}))?", Lead.OPTIONAL,
            (m, c) -> onDay(c, m.group(3), Words.month(m.group(2)), Words.dayNumber(m.group(1))),
            "24 Dec", "24th of December", "on 3 March 2027"),
        new Form<>("ISO date", "(\\d{4})-(\\d{2})-(\\d{2})", Lead.OPTIONAL,
            (m, c) -> date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
            "2026-12-24", "due 2027-01-31"),
        new Form<>("numeric date with a year", "(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})", Lead.OPTIONAL, Days::numeric,
            "24/12/2026", "12.03.2027"),
        new Form<>("numeric date", "(\\d{1,2})[/.](\\d{1,2})", Lead.REQUIRED, Days::numeric,
            "24/12", "1/3"),
        new Form<>("day of this month", "the\\s+(" + DAY_ORDINAL + ")", Lead.REQUIRED,
            (m, c) -> nextMonthDay(today(c), Words.dayNumber(m.group(1))),
            "the 5th", "the 31st"));

    /** Any way of naming a day, without capturing groups (for "until …", "starting …"). */
    static final String ANY = Form.any(FORMS);

    private Days() {
    }

    static LocalDate today(ReadingContext context) {
        return LocalDate.ofInstant(context.now(), context.zone());
    }

    static LocalDate read(String text, ReadingContext context) {
        Named day = Form.read(FORMS, text, context);
        return day == null ? null : day.date();
    }

    private static Named relative(MatchResult m, ReadingContext c) {
        String word = m.group(1).toLowerCase(Locale.ROOT);
        return word.equals("today") || word.equals("tonight")
            ? new Named(today(c), word.equals("tonight"))
            : new Named(today(c).plusDays(1));
    }

    private static LocalDate ahead(String what, LocalDate today) {
        return switch (what) {
            case "next week" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case "next month" -> today.plusMonths(1).withDayOfMonth(1);
            case "next year" -> today.plusYears(1).withDayOfYear(1);
            case "this weekend" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            default -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).plusWeeks(
                today.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1);    // next weekend: the one after this one
        };
    }

    private static LocalDate later(LocalDate today, int n, char unit) {
        return switch (unit) {
            case 'd' -> today.plusDays(n);
            case 'w' -> today.plusWeeks(n);
            case 'm' -> today.plusMonths(n);
            default -> today.plusYears(n);
        };
    }

    /** The end of the week is its Friday (the working week), of the month its last day, of the year December 31st. */
    private static LocalDate endOf(String what, LocalDate today) {
        return switch (what) {
            case "week" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            case "month" -> today.with(TemporalAdjusters.lastDayOfMonth());
            default -> today.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    private static Named numeric(MatchResult m, ReadingContext c) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        boolean dayFirst = c.dateOrder() == ReadingContext.DateOrder.DAY_MONTH;
        int month = dayFirst ? second : first;
        int day = dayFirst ? first : second;
        if (month < 1 || month > 12) {
            return null;
        }
        return onDay(c, m.groupCount() >= 3 ? m.group(3) : null, Month.of(month), day);
    }

    /** That day in {@code year}, or without a year the next such day from today on (February 29th: the next leap year). */
    private static Named onDay(ReadingContext c, String year, Month month, int day) {
        if (year != null) {
            return date(Integer.parseInt(year), month.getValue(), day);
        }
        MonthDay monthDay;
        try {
            monthDay = MonthDay.of(month, day);
        } catch (DateTimeException e) {
            return null;
        }
        LocalDate today = today(c);
        for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
            if (monthDay.isValidYear(y) && !monthDay.atYear(y).isBefore(today)) {
                return new Named(monthDay.atYear(y));
            }
        }
        return null;
    }

    private static Named date(int year, int month, int day) {
        try {
            return new Named(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The next {@code day} of a month from today on (the 31st: the next month that has one). */
    private static Named nextMonthDay(LocalDate today, int day) {
        for (int i = 0; i < 12; i++) {
            LocalDate month = today.plusMonths(i).withDayOfMonth(1);
            if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
                return new Named(month.withDayOfMonth(day));
            }
        }
        return null;
    }
}
