package dev.kadence.core.language;

import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.task.TaskView;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the assistant says things: tasks, times in the user's zone, reminders, titles it makes. */
final class Wording {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);
    private final ZoneId zone;

    Wording(ZoneId zone) {
        this.zone = zone;
    }

    /** "Mon 7 Dec at 09:00", in the user's zone. */
    String at(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }

    /** A task as a choice: its title and its repeat or due time. */
    String label(TaskView t) {
        String when = t.recurrence() != null ? t.recurrence().summary() : t.dueAt() != null ? "due " + at(t.dueAt()) : null;
        return t.title() + (when == null ? "" : " (" + when + ")");
    }

    /** "I've set up a recurring task 'Standup' every Monday at 09:00, Europe/Berlin (I'll remind you …)." */
    String created(TaskView t) {
        StringBuilder s = new StringBuilder();
        if (t.recurrence() != null) {
            s.append("I've set up a recurring task '").append(t.title()).append("' ").append(t.recurrence().summary());
        } else {
            s.append("I've added '").append(t.title()).append('\'');
            if (t.dueAt() != null) {
                s.append(", due ").append(at(t.dueAt()));
            }
        }
        List<String> details = new ArrayList<>();
        if (!"medium".equals(t.priority())) {
            details.add(t.priority() + " priority");
        }
        if (!t.tags().isEmpty()) {
            details.add("tagged " + String.join(", ", t.tags()));
        }
        if (!t.reminders().isEmpty()) {
            details.add("I'll remind you " + reminders(t));
        }
        if (!details.isEmpty()) {
            s.append(" (").append(String.join("; ", details)).append(')');
        }
        return s.append('.').toString();
    }

    /** What was done to {@code t}, as a sentence: "I've reopened 'Report'."; null for an action it does not say. */
    String did(String action, TaskView t) {
        String title = "'" + t.title() + "'";
        return switch (action) {
            case "task.created" -> created(t);
            case "task.updated" -> "I've updated " + title + (t.recurrence() != null ? " (" + t.recurrence().summary() + ")"
                : t.dueAt() != null ? ", due " + at(t.dueAt()) : "") + ".";
            case "task.completed" -> "Done: " + title + " is complete." + (t.recurrence() != null ? " The next one will follow." : "");
            case "task.reopened" -> "I've reopened " + title + ".";
            case "task.deleted" -> "I've deleted " + title + ".";
            case "series.stopped" -> "I've stopped the series " + title + ". This one stays on your list as a plain task.";
            case "reminder.added" -> t.reminders().stream().anyMatch(r -> "pending".equals(r.status()))
                ? "I'll remind you about " + title + " " + reminders(t) + "." : null;
            case "reminder.cancelled" -> "I've cancelled a reminder of " + title + ".";
            default -> null;
        };
    }

    /** A task's pending reminders: "15 minutes before it is due and Mon 7 Dec at 08:00". */
    String reminders(TaskView t) {
        List<String> parts = new ArrayList<>();
        for (ReminderView r : t.reminders()) {
            if (!"pending".equals(r.status())) {
                continue;
            }
            if (r.beforeDue() == null) {
                parts.add(r.fireAt() == null ? "at its time" : at(r.fireAt()));
            } else {
                parts.add(beforeDue(r.beforeDue()));
            }
        }
        return String.join(" and ", parts.stream().distinct().toList());
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" and "));
    }

    /**
     * The title of a task the assistant makes: "the"/"my" at its start dropped ("remind me about the dentist
     * appointment" → "Dentist appointment"), its first letter a capital.
     */
    static String title(String said) {
        String stripped = said.replaceFirst("(?i)^(?:the|my|a|an)\\s+", "");
        String title = stripped.isBlank() ? said : stripped;
        return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    private static String beforeDue(String iso) {
        Duration d = ReminderSpec.beforeDue(iso).beforeDueDuration();
        if (d.isZero()) {
            return "at its due time";
        }
        long minutes = d.toMinutes();
        String amount = minutes % 1440 == 0 ? plural(minutes / 1440, "day") : minutes % 60 == 0 ? plural(minutes / 60, "hour")
            : plural(minutes, "minute");
        return amount + " before it is due";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
