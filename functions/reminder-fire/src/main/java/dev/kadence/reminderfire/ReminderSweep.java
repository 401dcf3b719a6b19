package dev.kadence.reminderfire;

import dev.kadence.core.reminder.ReminderFiring;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The guarantee behind the jobs, on every tick of the cron binding: fire every pending reminder that has fallen due
 * (or mark it missed beyond the grace period), signal every open series instance whose due time passed, and schedule
 * again the jobs due soon. Each reminder fires in its own transaction, through the same path as a job.
 */
@Singleton
class ReminderSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);

    private final ReminderFiring firing;
    private final DaprJobs jobs;
    private final ReminderSettings settings;

    ReminderSweep(ReminderFiring firing, DaprJobs jobs, ReminderSettings settings) {
        this.firing = firing;
        this.jobs = jobs;
        this.settings = settings;
    }

    void run() {
        ReminderFiring.Overdue overdue = firing.overdue(settings.batch());
        Map<ReminderFiring.Fired, Integer> fired = new EnumMap<>(ReminderFiring.Fired.class);
        for (UUID reminder : overdue.reminders()) {
            fired.merge(firing.fire(reminder, settings.gracePeriod()), 1, Integer::sum);
        }
        int signalled = 0;
        for (UUID task : overdue.instances()) {
            signalled += firing.signalDue(task) ? 1 : 0;
        }
        var renew = firing.upcoming(settings.renewAhead(), settings.batch());
        renew.forEach(job -> jobs.schedule(job.name(), job.dueTime(), job.data()));
        LOG.info("reminder sweep: fired {}, suppressed {}, missed {}, due signalled {}, jobs renewed {}",
            fired.getOrDefault(ReminderFiring.Fired.FIRED, 0), fired.getOrDefault(ReminderFiring.Fired.SUPPRESSED, 0),
            fired.getOrDefault(ReminderFiring.Fired.MISSED, 0), signalled, renew.size());
    }
}
