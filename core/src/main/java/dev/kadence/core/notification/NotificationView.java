package dev.kadence.core.notification;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * A notification on the wire (list, read, and the {@code notification} events of the stream). The due time is given
 * as an instant, in the user's zone ({@code due_at_local}, {@code due_text}), and in a ready-made {@code message}.
 */
@Serdeable
public record NotificationView(UUID id, UUID taskId, UUID reminderId, String title, String message, Instant fireAt,
                               Instant dueAt, OffsetDateTime dueAtLocal, String dueText, String timezone,
                               String beforeDue, String link, Occurrence occurrence, boolean read, Instant readAt,
                               Instant createdAt) {
    private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** Which occurrence of a series the reminded instance is: its series and its 1-based instance number. */
    @Serdeable
    public record Occurrence(UUID seriesId, Integer instance) {
    }

    public static NotificationView of(Notification n) {
        ZoneId zone = ZoneId.of(n.timezone());
        OffsetDateTime local = n.dueAt() == null ? null : n.dueAt().atZone(zone).toOffsetDateTime();
        String dueText = local == null ? null : DUE_TEXT.format(local.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
        Occurrence occurrence = n.seriesId() == null ? null : new Occurrence(n.seriesId(), n.instance());
        return new NotificationView(n.id(), n.taskId(), n.reminderId(), n.title(), message(n, dueText), n.fireAt(),
            n.dueAt(), local, dueText, n.timezone(), n.beforeDue(), "/tasks/" + n.taskId(), occurrence, n.isRead(),
            n.readAt(), n.createdAt());
    }

    /** "Weekly report is due Fri 27 Nov 2026, 09:00 (Europe/Berlin), occurrence 3", or "Reminder: Call Ana". */
    private static String message(Notification n, String dueText) {
        if (dueText == null) {
            return "Reminder: " + n.title();
        }
        String tense = n.dueAt().isBefore(n.fireAt()) ? " was due " : " is due ";
        String occurrence = n.instance() == null ? "" : ", occurrence " + n.instance();
        return n.title() + tense + dueText + occurrence;
    }
}
