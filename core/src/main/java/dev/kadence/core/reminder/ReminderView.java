package dev.kadence.core.reminder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReminderView(UUID id, UUID taskId, Instant at, String beforeDue, Instant fireAt, String status) {
    public static ReminderView of(Reminder r) {
        return new ReminderView(r.id(), r.taskId(), r.at(), r.beforeDue(), r.fireAt(), r.status().wire());
    }
}
