package dev.kadence.core.language;

import dev.kadence.core.task.Priority;
import dev.kadence.core.task.Status;

import java.util.List;

/**
 * What a sentence to the assistant asks for, before any task is looked up. A task is named by {@link TaskName}: words
 * of its title, or "it"/"that" (the task of the previous turn). Each kind maps onto one of core's services.
 */
public sealed interface Intent {

    /** A task named in a sentence: by (part of) its title, or by reference to the last turn's task. */
    record TaskName(String words, boolean previous) {
        static TaskName of(String words) {
            String w = words.strip();
            boolean previous = w.equalsIgnoreCase("it") || w.equalsIgnoreCase("that") || w.equalsIgnoreCase("this")
                || w.equalsIgnoreCase("that task") || w.equalsIgnoreCase("this task") || w.equalsIgnoreCase("that one");
            return new TaskName(previous ? "" : w, previous);
        }
    }

    /** A new task, described as a quick add would be ({@code line}), optionally with a reminder at its due time. */
    record Create(String line, boolean remindAtDue) implements Intent {
    }

    record Complete(TaskName task) implements Intent {
    }

    record Reopen(TaskName task) implements Intent {
    }

    record Delete(TaskName task) implements Intent {
    }

    /** Stop a series ("stop the weekly standup"); a task that does not repeat has its reminders cancelled instead. */
    record StopSeries(TaskName task) implements Intent {
    }

    record SetPriority(TaskName task, Priority priority) implements Intent {
    }

    record AddTags(TaskName task, List<String> tags) implements Intent {
    }

    record RemoveTags(TaskName task, List<String> tags) implements Intent {
    }

    record Rename(TaskName task, String title) implements Intent {
    }

    /** A new due time, said as a quick add says dates ({@code when}: "Friday at 5pm"). */
    record Reschedule(TaskName task, String when) implements Intent {
    }

    /** A new recurrence, said as a quick add says it ({@code rule}: "every Monday at 9am"). */
    record Repeat(TaskName task, String rule) implements Intent {
    }

    /** A reminder for an existing task, or a new task with one: "remind me about the dentist tomorrow at 9". */
    record Remind(String about, String when) implements Intent {
    }

    record CancelReminders(TaskName task) implements Intent {
    }

    /** A search: every filter of {@code GET /tasks}, each null or empty when not said. */
    record Find(List<Status> statuses, Priority priority, List<String> tagWords, String search, String dueRange,
                String completedRange, boolean overdue, String said) implements Intent {
    }

    /** "yes", "sure", "show all": the answer to the last question. */
    record Yes() implements Intent {
    }

    /** "no", "never mind", "cancel". */
    record No() implements Intent {
    }

    /** Not understood: the assistant asks rather than guesses. */
    record Unknown(String text) implements Intent {
    }
}
