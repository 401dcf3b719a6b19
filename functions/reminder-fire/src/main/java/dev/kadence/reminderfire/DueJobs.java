package dev.kadence.reminderfire;

import dev.kadence.core.reminder.ReminderFiring;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.UUID;

/**
 * What happens when a Dapr job of this app is due: {@code reminder-<id>} fires that reminder, {@code due-<task id>}
 * signals that the open series instance reached its due time. The name says it all; the job's data is not needed.
 */
@Singleton
class DueJobs {
    private static final Logger LOG = LoggerFactory.getLogger(DueJobs.class);

    private final ReminderFiring firing;
    private final ReminderSettings settings;

    DueJobs(ReminderFiring firing, ReminderSettings settings) {
        this.firing = firing;
        this.settings = settings;
    }

    void fire(String name) {
        UUID reminder = id(name, ReminderFiring.REMINDER_JOB);
        UUID task = id(name, ReminderFiring.DUE_JOB);
        String outcome;
        if (reminder != null) {
            outcome = firing.fire(reminder, settings.gracePeriod()).name().toLowerCase(Locale.ROOT);
        } else if (task != null) {
            outcome = firing.signalDue(task) ? "due signalled" : "nothing to signal";
        } else {
            outcome = "not a job of Kadence's, ignored";
        }
        LOG.info("job {} is due: {}", name, outcome);
    }

    /** The id in a job name {@code <prefix><uuid>}, or null when the name is not of that form. */
    private static UUID id(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(name.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
