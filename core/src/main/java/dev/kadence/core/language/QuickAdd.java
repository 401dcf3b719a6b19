package dev.kadence.core.language;

import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.task.Priority;

import java.time.Instant;
import java.util.List;

/**
 * One line of a quick add, read: the title is what is left when everything recognised is taken out (text in double
 * quotes is always title, never read). Nothing is stored; {@code POST /quick-add/parse} answers the reading as a
 * {@code POST /tasks} body and its spans.
 */
public final class QuickAdd {
    private QuickAdd() {
    }

    /**
     * A reading of a quick-add line.
     *
     * @param title      the text that was not recognised, tidied (never empty when the text had a word not read)
     * @param priority   the priority said, or null (the API's default, medium)
     * @param tags       tag names as the API normalises them (trimmed, lower-case), in order of appearance
     * @param dueAt      the due time, or null; a recurring task is due at its first occurrence after now
     * @param recurrence the rule (RRULE in the context's zone), zone and mode, or null
     * @param reminders  the reminders said, in order
     * @param recognised what was read as what, in order of {@code start}
     */
    public record Reading(String title, Priority priority, List<String> tags, Instant dueAt, RecurrenceSpec recurrence,
                          List<ReminderSpec> reminders, List<Recognised> recognised) {
    }

    /** Reads {@code text} against {@code context}. */
    public static Reading read(String text, ReadingContext context) {
        Sentence sentence = new Sentence(text);
        Assembly.Result read = Assembly.of(sentence.claims(Grammar.PHRASES, context), context);
        return new Reading(sentence.title(read.kept()), read.priority(), read.tags(), read.dueAt(), read.recurrence(),
            read.reminders(), sentence.recognised(read.kept()));
    }
}
