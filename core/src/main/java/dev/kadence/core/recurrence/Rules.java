package dev.kadence.core.recurrence;

import dev.kadence.core.error.Violations;
import dev.kadence.core.time.Times;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Parsing and sanity checks of RFC 5545 RRULEs (evaluated with lib-recur). A rule is accepted within
 * {@link RuleLimits}, and only if its evaluation fits {@link RuleWalk#BUDGET}; a stored rule is evaluated only while
 * it still keeps the limits ({@link #evaluable}).
 */
public final class Rules {
    private Rules() {
    }

    /** Returns the rule in canonical text form, or null after recording why it cannot be used. */
    public static String parse(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add(field, "required", "is required, e.g. FREQ=WEEKLY;BYDAY=FR");
            return null;
        }
        String body = text.strip();
        if (body.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            body = body.substring("RRULE:".length());
        }
        if (body.length() > RuleLimits.MAX_LENGTH) {
            violations.add(field, "too_long", "must be at most " + RuleLimits.MAX_LENGTH + " characters");
            return null;
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(body.toUpperCase(Locale.ROOT), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            violations.add(field, "invalid_rule", unreadable(body.toUpperCase(Locale.ROOT)));
            return null;
        }
        RuleLimits.Breach breach = RuleLimits.check(rule);
        if (breach != null) {
            violations.add(field, breach.code(), breach.message());
            return null;
        }
        return rule.toString();
    }

    /**
     * Why a rule does not parse, in words: the part that is at fault, found by parsing each part alone after a FREQ
     * (lib-recur's own messages name its internals). The rule is at most {@link RuleLimits#MAX_LENGTH} long.
     */
    static String unreadable(String body) {
        String example = " (for example FREQ=WEEKLY;BYDAY=MO,FR)";
        String[] parts = body.split(";");
        String freq = null;
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                return "can’t be read: “" + part.strip() + "” should be a NAME=VALUE pair" + example;
            }
            if (part.startsWith("FREQ=")) {
                freq = part;
            }
        }
        if (freq == null || !parses(freq)) {
            return "needs a frequency: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY" + example;
        }
        for (String part : parts) {
            if (!part.equals(freq) && !parses(freq + ";" + part)) {
                return "can’t be read: “" + part + "” is not a value Kadence understands" + example;
            }
        }
        return "can’t be read: its parts don’t fit together" + example;
    }

    private static boolean parses(String rule) {
        try {
            new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            return true;
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The rule as stored for a series in {@code zone}: a date-only UNTIL ("until the 31st") becomes the end of
     * that day in the zone, in UTC, as RFC 5545 requires when the start has a time zone (at the latest the end of
     * the year 9999 in UTC, after which no occurrence follows anyway).
     */
    public static String inZone(String ruleText, ZoneId zone) {
        RecurrenceRule rule = rule(ruleText);
        DateTime until = rule.getUntil();
        if (until == null || !until.isAllDay()) {
            return ruleText;
        }
        Instant end = untilInstant(until, zone).minusSeconds(1);
        Instant latest = Times.LATEST.truncatedTo(ChronoUnit.SECONDS);
        rule.setUntil(new DateTime(TimeZone.getTimeZone("UTC"), (end.isAfter(latest) ? latest : end).toEpochMilli()));
        return rule.toString();
    }

    /**
     * Records an error when the rule, started at {@code start} in {@code zone}, never produces an occurrence
     * ({@code never_occurs}, {@code until_before_start}), or when evaluating it costs more than {@link RuleWalk#BUDGET}
     * ({@code rule_too_complex}): its first occurrence, and for a COUNT rule all of them, since a COUNT rule is counted
     * from its start whenever it is evaluated. At most one budget of work.
     */
    public static void checkOccurs(String field, String ruleText, Instant start, ZoneId zone, Violations violations) {
        RecurrenceRule rule = rule(ruleText);
        RuleLimits.Breach breach = RuleLimits.check(rule);
        if (breach != null) {
            violations.add(field, breach.code(), breach.message());
            return;
        }
        DateTime until = rule.getUntil();
        if (until != null && untilInstant(until, zone).isBefore(start)) {
            violations.add(field, "until_before_start", "UNTIL is before the task's due time, so the series would be empty");
            return;
        }
        RuleWalk walk = new RuleWalk(rule, new DateTime(TimeZone.getTimeZone(zone), start.toEpochMilli()));
        LocalDateTime first;
        do {
            first = walk.next();
        } while (first != null && WallTime.instant(first, zone).isBefore(start));
        if (first != null && rule.getCount() != null) {
            walk.fastForward(Long.MAX_VALUE, RuleWalk.AFTER_9999);    // every instance of a COUNT rule must fit the budget
        }
        if (walk.end() == RuleWalk.End.BUDGET) {
            violations.add(field, "rule_too_complex", "this rule takes more work to evaluate than Kadence allows ("
                + RuleWalk.BUDGET + " instances to compute"
                + (rule.getCount() != null ? " for its COUNT; use a smaller COUNT, or UNTIL" : "; use fewer BY values") + ")");
        } else if (first == null) {
            violations.add(field, "never_occurs", "this rule never produces an occurrence (e.g. a date that does not exist)");
        }
    }

    /**
     * A stored rule ready to evaluate, or null when it is not evaluated: it no longer parses, or it breaks a limit of
     * {@link RuleLimits} (stored before the limit existed, or written around the API). Such a series has its start and
     * no further occurrence; {@link #refusal} says why.
     */
    static RecurrenceRule evaluable(String text) {
        RecurrenceRule rule = parsed(text);
        return rule == null || RuleLimits.check(rule) != null ? null : rule;
    }

    /**
     * Why a stored rule is not evaluated, as the field error code the API would give it ({@code invalid_rule},
     * {@code too_long}, {@code interval_too_large}, {@code rule_too_complex}, …); null when it is evaluated.
     */
    public static String refusal(String text) {
        if (text == null || text.length() > RuleLimits.MAX_LENGTH) {
            return "too_long";
        }
        RecurrenceRule rule = parsed(text);
        if (rule == null) {
            return "invalid_rule";
        }
        RuleLimits.Breach breach = RuleLimits.check(rule);
        return breach == null ? null : breach.code();
    }

    private static RecurrenceRule parsed(String text) {
        if (text == null || text.length() > RuleLimits.MAX_LENGTH) {
            return null;
        }
        try {
            return new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A rule {@link #parse} accepted (stored rules are read with {@link #evaluable}). */
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
