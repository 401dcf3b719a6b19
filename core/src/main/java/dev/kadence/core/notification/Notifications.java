package dev.kadence.core.notification;

import dev.kadence.core.channel.Deliveries;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.event.EventIds;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.reminder.ReminderFiring.ReminderDue;
import dev.kadence.core.reminder.ReminderStatus;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.task.Task;
import dev.kadence.core.task.TaskStore;
import dev.kadence.core.time.Times;
import dev.kadence.core.user.User;
import dev.kadence.core.user.UserStore;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The user's notifications: one per firing of a reminder ({@code reminder.due}), stored unless the task was finished
 * or deleted since it fired, listed newest first, marked read; every new or read notification also goes on the user's
 * stream, and every new one, in the same transaction, to each of the user's active channels ({@link Deliveries}).
 */
@Singleton
public class Notifications {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final NotificationStore store;
    private final StreamEvents stream;
    private final TaskStore tasks;
    private final ReminderStore reminders;
    private final UserStore users;
    private final Deliveries channels;
    private final Clock clock;

    Notifications(NotificationStore store, StreamEvents stream, TaskStore tasks, ReminderStore reminders,
                  UserStore users, Deliveries channels, Clock clock) {
        this.store = store;
        this.stream = stream;
        this.tasks = tasks;
        this.reminders = reminders;
        this.users = users;
        this.channels = channels;
        this.clock = clock;
    }

    /** What became of one {@code reminder.due}. */
    public enum Delivery {
        /** Stored, on the user's stream, reminder delivered. */
        DELIVERED,
        /** The task was done or deleted by now: nothing stored, reminder suppressed. */
        SUPPRESSED,
        /** This firing has its notification already. */
        ALREADY_DELIVERED
    }

    @Transactional
    public Delivery deliver(ReminderDue due) {
        Instant now = clock.instant();
        Task task = tasks.findById(due.taskId()).filter(t -> t.userId().equals(due.userId())).orElse(null);
        User user = users.findById(due.userId()).orElse(null);
        if (task == null || task.isDone() || user == null) {
            reminders.settle(due.reminderId(), due.fireAt(), ReminderStatus.SUPPRESSED, now);
            return Delivery.SUPPRESSED;
        }
        Notification n = new Notification(EventIds.of(EventTypes.REMINDER_DUE, due.reminderId(), due.fireAt()),
            due.userId(), due.reminderId(), due.taskId(), due.fireAt(), due.title(), due.dueAt(), user.timezone(),
            due.beforeDue(), due.seriesId(), due.instance(), null, now);
        if (!store.insert(n)) {
            return Delivery.ALREADY_DELIVERED;
        }
        reminders.settle(due.reminderId(), due.fireAt(), ReminderStatus.DELIVERED, now);
        NotificationView view = NotificationView.of(n);
        stream.append(n.userId(), StreamEvents.NOTIFICATION, view);
        channels.enqueue(n.userId(), n.id(), view.title(), view.message(), view.link(), now);
        return Delivery.DELIVERED;
    }

    @Serdeable
    public record NotificationPage(List<NotificationView> items, String nextCursor, long unreadCount) {
    }

    /** A page of the user's notifications (only the unread ones if {@code unreadOnly}), newest first. */
    @Transactional
    public NotificationPage list(UUID userId, boolean unreadOnly, PageRequest page) {
        NotificationStore.Position after = page.cursor() == null ? null : decode(page.cursor());
        if (page.cursor() != null && after == null) {
            throw KadenceException.invalid("cursor", "invalid_cursor", "not a cursor this endpoint returned");
        }
        int size = page.limit();
        List<Notification> rows = store.page(userId, unreadOnly, after, size + 1);
        String next = rows.size() > size ? encode(rows.get(size - 1)) : null;
        List<NotificationView> items = rows.subList(0, Math.min(size, rows.size())).stream().map(NotificationView::of).toList();
        return new NotificationPage(items, next, store.unread(userId));
    }

    /** Marks one of the user's notifications read (once: the first read time stays); 404 for another's. */
    @Transactional
    public NotificationView read(UUID userId, UUID id) {
        Optional<Notification> readNow = store.markRead(userId, id, clock.instant());
        readNow.ifPresent(n -> stream.append(userId, StreamEvents.NOTIFICATION, NotificationView.of(n)));   // other browsers too
        return NotificationView.of(readNow.orElseGet(() -> get(userId, id)));
    }

    /** Marks every unread notification of the user read, each on the user's stream; answers how many. */
    @Transactional
    public int readAll(UUID userId) {
        List<Notification> marked = store.markAllRead(userId, clock.instant());
        marked.forEach(n -> stream.append(userId, StreamEvents.NOTIFICATION, NotificationView.of(n)));
        return marked.size();
    }

    /** One of the user's notifications; 404 for another's. */
    @Transactional
    public Notification get(UUID userId, UUID id) {
        return store.find(userId, id).orElseThrow(() -> KadenceException.notFound("notification"));
    }

    private static String encode(Notification last) {
        Instant t = last.fireAt();
        return t.getEpochSecond() + "." + t.getNano() + "." + last.id();
    }

    /** Whether {@code cursor} is one a page of notifications hands out. */
    public static boolean isCursor(String cursor) {
        return decode(cursor) != null;
    }

    private static NotificationStore.Position decode(String cursor) {
        String[] parts = cursor.split("\\.");
        try {
            if (parts.length == 3) {
                Instant fireAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
                // A time Kadence never stores is no cursor of its own (and beyond what PostgreSQL can compare with).
                return Times.supported(fireAt) ? new NotificationStore.Position(fireAt, UUID.fromString(parts[2])) : null;
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below
        }
        return null;
    }
}
