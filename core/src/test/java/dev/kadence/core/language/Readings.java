package dev.kadence.core.language;

import dev.kadence.core.error.Violations;
import dev.kadence.core.recurrence.Rules;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.tag.TagNames;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables' context and checks. Unless a row says otherwise, a sentence is read in Europe/Berlin, day before month,
 * on Wednesday 9 December 2026 at 10:00 local time.
 */
final class Readings {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String NOW = "2026-12-09T10:00";

    private Readings() {
    }

    static ReadingContext context(String zone, String localNow, ReadingContext.DateOrder order) {
        ZoneId z = ZoneId.of(zone == null ? BERLIN.getId() : zone);
        return new ReadingContext(z, order == null ? ReadingContext.DateOrder.DAY_MONTH : order,
            LocalDateTime.parse(localNow == null ? NOW : localNow).atZone(z).toInstant());
    }

    static ReadingContext context() {
        return context(null, null, null);
    }

    /** Reads {@code text} and checks that the reading is one {@code POST /tasks} takes. */
    static QuickAdd.Reading read(String text, ReadingContext context) {
        QuickAdd.Reading reading = QuickAdd.read(text, context);
        assertValid(text, reading, context);
        return reading;
    }

    static QuickAdd.Reading read(String text) {
        return read(text, context());
    }

    /** "2026-12-10T09:30" in the context's zone, or null. */
    static String local(Instant instant, ReadingContext context) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, context.zone()).toString();
    }

    /** Each reminder as "PT15M" (before due) or a local time "2026-12-10T08:45" (at). */
    static String reminders(QuickAdd.Reading reading, ReadingContext context) {
        List<String> each = reading.reminders().stream()
            .map(r -> r.beforeDue() != null ? r.beforeDue() : local(r.at(), context)).toList();
        return each.isEmpty() ? null : String.join(" ", each);
    }

    /** Each span as "kind:text", in order. */
    static String spans(QuickAdd.Reading reading) {
        List<String> each = reading.recognised().stream().map(r -> r.kind().wire() + ":" + r.text()).toList();
        return each.isEmpty() ? null : String.join(" | ", each);
    }

    private static void assertValid(String text, QuickAdd.Reading r, ReadingContext context) {
        assertThat(r.title()).as("title of %s", text).isNotNull().isEqualTo(r.title().strip());
        if (r.recurrence() != null) {
            assertThat(r.dueAt()).as("a recurring task is due at its first occurrence").isNotNull().isAfter(context.now());
            assertThat(r.recurrence().zone()).isEqualTo(context.zone());
            Violations v = new Violations();
            assertThat(Rules.parse("rule", r.recurrence().rule(), v)).isEqualTo(r.recurrence().rule());
            assertThat(Rules.inZone(r.recurrence().rule(), context.zone())).isEqualTo(r.recurrence().rule());
            Rules.checkOccurs("rule", r.recurrence().rule(), r.dueAt(), context.zone(), v);
            assertThat(v.isEmpty()).as("rule of %s occurs", text).isTrue();
        }
        for (ReminderSpec reminder : r.reminders()) {
            if (reminder.beforeDue() != null) {
                assertThat(r.dueAt()).as("a reminder before the due time needs one").isNotNull();
                assertThat(ReminderSpec.beforeDue(reminder.beforeDue())).isEqualTo(reminder);
            } else {
                assertThat(reminder.at()).isNotNull();
            }
        }
        assertThat(r.reminders().size()).isLessThanOrEqualTo(ReminderSpec.MAX_PER_TASK);
        assertThat(TagNames.normalizeAll("tags", r.tags(), new Violations())).isEqualTo(r.tags());
        int end = 0;
        for (Recognised span : r.recognised()) {
            assertThat(span.start()).as("spans in order, apart").isGreaterThanOrEqualTo(end);
            assertThat(text.substring(span.start(), span.end())).isEqualTo(span.text());
            end = span.end();
        }
    }
}
