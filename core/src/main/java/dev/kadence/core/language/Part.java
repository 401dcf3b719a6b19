package dev.kadence.core.language;

import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.task.Priority;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** What one phrase says: a partial reading. {@link Assembly} puts the parts of a sentence together. */
sealed interface Part {
    record PriorityIs(Priority priority) implements Part {
    }

    record Tag(String name) implements Part {
    }

    /** A day; {@code evening} for "tonight" (an hour said without am/pm is then in the evening). */
    record Day(LocalDate date, boolean evening) implements Part {
    }

    /** A time; {@code ambiguous} when said without am/pm on a 12-hour face ("at 8": in the evening "tonight"). */
    record TimeOfDay(LocalTime time, boolean ambiguous) implements Part {
    }

    /** A day and a time at once ("in 2 hours"). */
    record Moment(LocalDateTime at) implements Part {
    }

    /** How a series repeats ("every 2 weeks on Mon"); mode COMPLETION for "every!". */
    record Repeats(Cadence cadence, Mode mode) implements Part {
    }

    /** "after completion": the series counts from completion. */
    record FromCompletion() implements Part {
    }

    record Starting(LocalDate date) implements Part {
    }

    record Until(LocalDate date) implements Part {
    }

    record Times(int count) implements Part {
    }

    /** One phrase's reminders, several at once ("remind me 1 day and 1 hour before"). */
    record Reminders(List<Wish> wishes) implements Part {
    }

    /** One reminder: a duration before the due time, or a time of day (on the due day). */
    sealed interface Wish {
    }

    record Before(Duration duration) implements Wish {
    }

    record At(LocalTime time) implements Wish {
    }
}
