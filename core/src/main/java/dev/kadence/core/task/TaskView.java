package dev.kadence.core.task;

import dev.kadence.core.reminder.ReminderView;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full task snapshot: what the API returns and what every task event carries, so consumers need
 * no read-back.
 */
/** Every field is always written, null or empty too: a snapshot says what is not there as well (events, API). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskView(UUID id, UUID userId, String title, String description, String priority, String status,
                       List<String> tags, Instant dueAt, Instant completedAt, Instant createdAt, Instant updatedAt,
                       RecurrenceView recurrence, List<ReminderView> reminders) {

    /**
     * The task's series: its rule in words, which instance this task is, how many occurrences it missed while open,
     * and (while the series is active) its next due times.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RecurrenceView(UUID seriesId, String rule, String timezone, String mode, String status, String summary,
                                 Integer instance, int missedCount, List<Instant> nextOccurrences) {
    }
}
