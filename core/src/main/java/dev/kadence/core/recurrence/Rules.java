package dev.kadence.core.recurrence;

import dev.kadence.core.error.Violations;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

/** Parsing and sanity checks of RFC 5545 RRULEs (evaluated with lib-recur). */
public final class Rules {
    /** A rule that yields nothing in this many candidate periods never will (e.g. February 30th). */
    private static final int MAX_PROBES = 1000;
    /** COUNT rules are counted from the start on every evaluation; this keeps that in the microseconds. */
    static final int MAX_COUNT = 10_000;
    /** Every 1000 days, weeks, months or years is far beyond any task's; larger steps only cost (and overflow). */
    static final int MAX_INTERVAL = 1000;
    /**
     * The longest rule read. The longest useful one lists every month, day of the month and day of the week
     * ({@code FREQ=YEARLY;BYMONTH=1,…,12;BYMONTHDAY=1,…,31,-1,…;BYDAY=MO,…}: about 250 characters); lib-recur reads a
     * rule into lists of numbers, and a 1 MiB one ({@code BYHOUR=1,1,1,…}) took a function's whole heap.
     */
    public static final int MAX_LENGTH = 1000;

    private Rules() {
    }

    /** Returns the rule in canonical text form, or null after recording why it cannot be used. */
    public static String parse(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add(field, "required", "is required, e.g. FREQ=WEEKLY;BYDAY=FR");
            return null;
        }
        String body = text.strip();
        if (body.length() > MAX_LENGTH) {
            violations.add(field, "too_long", "must be at most " + MAX_LENGTH + " characters");
            return null;
        }
        if (body.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            body = body.substring("RRULE:".length());
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(body.toUpperCase(Locale.ROOT), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            violations.add(field, "invalid_rule", "is not a valid RFC 5545 RRULE (" + e.getMessage() + ")");
            return null;
        }
        if (rule.getFreq() == Freq.SECONDLY || rule.getFreq() == Freq.MINUTELY) {
            violations.add(field, "unsupported_frequency",
                "SECONDLY and MINUTELY rules are not supported: a task recurs at most hourly, so that each instance can be completed before the next one is due");
            return null;
        }
        if (rule.getInterval() > MAX_INTERVAL) {
            violations.add(field, "interval_too_large", "INTERVAL may be at most " + MAX_INTERVAL);
            return null;
        }
        if (rule.getCount() != null && rule.getCount() > MAX_COUNT) {
            violations.add(field, "count_too_large",
                "COUNT may be at most " + MAX_COUNT + "; use UNTIL for a longer series");
            return null;
        }
        return rule.toString();
    }

    /**
     * The rule as stored for a series in {@code zone}: a date-only UNTIL ("until the 31st") becomes the end of
     * that day in the zone, in UTC, as RFC 5545 requires when the start has a time zone.
     */
    public static String inZone(String ruleText, ZoneId zone) {
        RecurrenceRule rule = rule(ruleText);
        DateTime until = rule.getUntil();
        if (until == null || !until.isAllDay()) {
            return ruleText;
        }
        Instant end = untilInstant(until, zone).minusSeconds(1);
        rule.setUntil(new DateTime(TimeZone.getTimeZone("UTC"), end.toEpochMilli()));
        return rule.toString();
    }

    /** Records an error when the rule, started at {@code start} in {@code zone}, never produces an occurrence. */
    public static void checkOccurs(String field, String ruleText, Instant start, ZoneId zone, Violations violations) {
        RecurrenceRule rule = rule(ruleText);
        DateTime first = new DateTime(TimeZone.getTimeZone(zone), start.toEpochMilli());
        DateTime until = rule.getUntil();
        if (until != null && untilInstant(until, zone).isBefore(start)) {
            violations.add(field, "until_before_start", "UNTIL is before the task's due time, so the series would be empty");
            return;
        }
        try {
            RecurrenceRuleIterator it = rule.iterator(first);
            for (int i = 0; i < MAX_PROBES && it.hasNext(); i++) {
                if (it.nextMillis() >= start.toEpochMilli()) {
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            // lib-recur gives up with "too many filtered recurrence instances" on rules that match no date
        }
        violations.add(field, "never_occurs", "this rule never produces an occurrence (e.g. a date that does not exist)");
    }

    static RecurrenceRule rule(String text) {
        try {
            return new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException("stored rule no longer parses: " + text, e);
        }
    }

    /** UNTIL as an instant in {@code zone}: itself (inclusive), or for a date-only UNTIL the start of the next day (exclusive). */
    static Instant untilInstant(DateTime until, ZoneId zone) {
        if (until.isAllDay()) {
            return LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth()).plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (until.isFloating()) {
            return LocalDateTime.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth(), until.getHours(),
                until.getMinutes(), until.getSeconds()).atZone(zone).toInstant();
        }
        return Instant.ofEpochMilli(until.getTimestamp());
    }
}
