package dev.kadence.reminderfire;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What happens when a Dapr job of this app is due: the reminder or due time it stands for fires. */
@Singleton
class DueJobs {
    private static final Logger LOG = LoggerFactory.getLogger(DueJobs.class);

    void fire(String name, String data) {
        LOG.info("job {} is due, data {}", name, data);
        // TODO(reminders issue): fire the reminder (or the series instance's due time) the job stands for, through
        //  the one idempotent path the sweep uses too: lock the row, pending -> fired, reminder.due to the outbox.
    }
}
