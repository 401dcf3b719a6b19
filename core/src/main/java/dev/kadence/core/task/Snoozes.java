package dev.kadence.core.task;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import dev.kadence.core.notification.Notification;
import dev.kadence.core.notification.NotificationView;
import dev.kadence.core.notification.Notifications;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.user.Accounts;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Snoozing a notification: its task gets a new absolute reminder at the snooze time, added through the same update a
 * {@code PATCH /tasks/{id} {reminders}} makes (so {@code task.updated} goes out and reminder-fire schedules it like
 * any reminder), and the notification is marked read. One transaction. A done task's notification is not snoozed
 * (409): its reminders are suppressed, so nothing would come back.
 */
@Singleton
public class Snoozes {
    static final Duration LONGEST = Duration.ofDays(366);
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private final Notifications notifications;
    private final Tasks tasks;
    private final TaskStore store;
    private final ReminderStore reminders;
    private final Accounts accounts;
    private final Clock clock;

    Snoozes(Notifications notifications, Tasks tasks, TaskStore store, ReminderStore reminders, Accounts accounts, Clock clock) {
        this.notifications = notifications;
        this.tasks = tasks;
        this.store = store;
        this.reminders = reminders;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The snooze times offered by name; {@code tomorrow_morning} is 09:00 tomorrow in the user's zone. */
    public enum Preset {
        TEN_MINUTES("10m"), ONE_HOUR("1h"), TOMORROW_MORNING("tomorrow_morning");

        public final String wire;

        Preset(String wire) {
            this.wire = wire;
        }

        public static Preset ofWire(String text) {
            for (Preset p : values()) {
                if (p.wire.equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            return null;
        }

        Instant after(Instant now, ZoneId zone) {
            return switch (this) {
                case TEN_MINUTES -> now.plus(Duration.ofMinutes(10));
                case ONE_HOUR -> now.plus(Duration.ofHours(1));
                case TOMORROW_MORNING -> LocalDate.ofInstant(now, zone).plusDays(1).atTime(MORNING).atZone(zone).toInstant();
            };
        }
    }

    /** A snooze request: a time ({@code until}) or a preset, exactly one of them. */
    public record Snooze(Instant until, Preset preset) {
    }

    /** The notification, read now, and the reminder that will bring it back. */
    @Serdeable
    public record Snoozed(NotificationView notification, ReminderView reminder) {
    }

    @Transactional
    public Snoozed snooze(UUID userId, UUID notificationId, Snooze request) {
        Notification notification = notifications.get(userId, notificationId);
        Instant now = clock.instant();
        Instant until = request.until() != null ? request.until() : request.preset().after(now, accounts.get(userId).zone());
        Task task = store.lock(userId, notification.taskId()).orElseThrow(() -> KadenceException.notFound("task"));
        List<ReminderSpec> wanted = new ArrayList<>(reminders.ofTasks(List.of(notification.taskId())).stream()
            .filter(Reminder::isPending).map(Reminder::spec).toList());
        wanted.add(new ReminderSpec(until, null));
        Violations v = new Violations();
        String field = request.until() != null ? "until" : "preset";
        if (!until.isAfter(now)) {
            v.add(field, "not_in_future", "must be in the future");
        } else if (until.isAfter(now.plus(LONGEST))) {
            v.add(field, "too_far", "must be within a year");
        } else if (wanted.size() > ReminderSpec.MAX_PER_TASK) {
            v.add(field, "too_many", "can’t be added: the task has " + ReminderSpec.MAX_PER_TASK + " reminders already");
        }
        v.throwIfAny();
        if (task.isDone()) {
            // a reminder of a done task is suppressed when it falls due: the snooze would never come back
            throw new KadenceException(ErrorCode.CONFLICT, "the task is done: reopen it to be reminded again");
        }
        TaskView updated = tasks.update(userId, notification.taskId(), new TaskDraft(EnumSet.of(TaskDraft.Field.REMINDERS),
            null, null, null, null, null, null, null, null, null, wanted));
        ReminderView reminder = updated.reminders().stream()
            .filter(r -> until.equals(r.at()) && r.status().equals("pending")).findFirst().orElseThrow();
        return new Snoozed(notifications.read(userId, notificationId), reminder);
    }
}
