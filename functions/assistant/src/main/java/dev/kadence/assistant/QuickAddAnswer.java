package dev.kadence.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kadence.core.language.QuickAdd;
import dev.kadence.core.language.QuickAddReader;
import dev.kadence.core.language.Recognised;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.reminder.ReminderSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What {@code POST /quick-add/parse} answers: the reading as a {@code POST /tasks} body, to be sent as it is (times in
 * the user's offset, fields that were not said left out), and what was read as what.
 */
@Serdeable
@Schema(name = "QuickAddAnswer")
record QuickAddAnswer(TaskBody task, List<Span> recognised) {

    static QuickAddAnswer of(QuickAddReader.InContext<QuickAdd.Reading> read) {
        QuickAdd.Reading reading = read.reading();
        ZoneId zone = read.context().zone();
        TaskBody task = new TaskBody(reading.title(), reading.priority() == null ? null : reading.priority().wire(),
            reading.tags(), local(reading.dueAt(), zone), RecurrenceBody.of(reading.recurrence(), zone),
            reading.reminders().stream().map(r -> ReminderBody.of(r, zone)).toList());
        return new QuickAddAnswer(task, reading.recognised().stream().map(Span::of).toList());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuickAddTask", description = "a POST /api/v1/tasks body")
    record TaskBody(String title,
                    @Schema(allowableValues = {"low", "medium", "high"}) @Nullable String priority,
                    List<String> tags,
                    @Schema(description = "RFC 3339 in the user's offset") @Nullable String dueAt,
                    @Nullable RecurrenceBody recurrence,
                    List<ReminderBody> reminders) {
    }

    @Serdeable
    @Schema(name = "QuickAddRecurrence")
    record RecurrenceBody(@Schema(description = "RFC 5545 RRULE in the user's zone") String rule, String timezone,
                          @Schema(allowableValues = {"schedule", "completion"}) String mode) {
        /** The rule in its zone, or in the user's ({@code zone}) when the reading named none. */
        static RecurrenceBody of(RecurrenceSpec spec, ZoneId zone) {
            return spec == null ? null
                : new RecurrenceBody(spec.rule(), (spec.zone() == null ? zone : spec.zone()).getId(), spec.mode().wire());
        }
    }

    /** {@code {at}} or {@code {before_due}}: the other is left out, as {@code POST /tasks} wants exactly one. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuickAddReminder")
    record ReminderBody(@Schema(description = "RFC 3339 in the user's offset") @Nullable String at,
                        @Schema(description = "ISO-8601 duration", example = "PT30M") @Nullable String beforeDue) {
        static ReminderBody of(ReminderSpec spec, ZoneId zone) {
            return new ReminderBody(local(spec.at(), zone), spec.beforeDue());
        }
    }

    @Serdeable
    @Schema(name = "QuickAddSpan", description = "text[start, end) in UTF-16 units of the text as sent")
    record Span(int start, int end,
                @Schema(allowableValues = {"due", "recurrence", "priority", "tag", "reminder"}) String kind, String text) {
        static Span of(Recognised r) {
            return new Span(r.start(), r.end(), r.kind().wire(), r.text());
        }
    }

    /** RFC 3339 with the user's offset at that instant ({@code 2026-12-04T18:00:00+01:00}). */
    private static String local(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
