package dev.kadence.core.language;

import dev.kadence.core.language.Form.Lead;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;

/**
 * The ways of saying a time of day: "5pm", "5:30 p.m.", "17:00", "noon", and a bare hour after "at" ("at 9" is
 * 09:00, a 24-hour clock; "tonight at 8" is 20:00). "midnight" is the end of the day (23:59), as a date without a time.
 */
final class Hours {
    /** A time of day; {@code ambiguous} when said without am/pm on a 12-hour face ("at 8", "8:30"). */
    record Said(LocalTime time, boolean ambiguous) {
    }

    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    static final List<Form<Said>> FORMS = List.of(
        new Form<>("hour am/pm", "(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?\\s*([ap])\\.?m\\.?", Lead.OPTIONAL, Hours::twelveHour,
            "5pm", "at 9 AM", "at 9:30am", "7.15 p.m.", "due at 5 PM", "by 11am"),
        new Form<>("24-hour clock", "([01]?\\d|2[0-3]):([0-5]\\d)", Lead.OPTIONAL,
            (m, c) -> said(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
            "17:00", "at 9:30", "at 08:45"),
        new Form<>("noon, midnight", "(noon|midday|midnight)", Lead.OPTIONAL,
            (m, c) -> new Said(m.group(1).equalsIgnoreCase("midnight") ? END_OF_DAY : LocalTime.NOON, false),
            "noon", "at midday", "by midnight"),
        new Form<>("hour after at", "at\\s+([01]?\\d|2[0-3])" + Words.BEFORE_A_PHRASE, Lead.OPTIONAL,
            (m, c) -> said(Integer.parseInt(m.group(1)), 0),
            "at 9", "at 17"));

    /** Any way of saying a time, without capturing groups. */
    static final String ANY = Form.any(FORMS);

    private Hours() {
    }

    static Said read(String text, ReadingContext context) {
        return Form.read(FORMS, text, context);
    }

    private static Said twelveHour(MatchResult m, ReadingContext c) {
        int hour = Integer.parseInt(m.group(1)) % 12;
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        boolean pm = m.group(3).toLowerCase(Locale.ROOT).equals("p");
        return new Said(LocalTime.of(pm ? hour + 12 : hour, minute), false);
    }

    private static Said said(int hour, int minute) {
        return new Said(LocalTime.of(hour, minute), hour >= 1 && hour <= 11);
    }
}
