package dev.kadence.reminderfire;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The guarantee behind the jobs: on every tick of the cron binding, fire what the jobs missed. */
@Singleton
class ReminderSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);

    void run() {
        LOG.info("reminder sweep");
        // TODO(reminders issue): fire every pending reminder due within the grace period and mark older ones
        //  missed, through the same idempotent path as DueJobs.
    }
}
