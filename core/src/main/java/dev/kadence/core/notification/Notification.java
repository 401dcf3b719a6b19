package dev.kadence.core.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One firing of a reminder, as the user sees it: the task's title and due time then, the zone to show it in, and for
 * a series instance which occurrence it was. {@code readAt} is null until the user reads it.
 */
public record Notification(UUID id, UUID userId, UUID reminderId, UUID taskId, Instant fireAt, String title,
                           Instant dueAt, String timezone, String beforeDue, UUID seriesId, Integer instance,
                           Instant readAt, Instant createdAt) {
    public boolean isRead() {
        return readAt != null;
    }
}
