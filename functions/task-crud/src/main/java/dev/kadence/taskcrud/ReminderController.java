package dev.kadence.taskcrud;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.reminder.Reminders;
import dev.kadence.core.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Controller("/api/v1/reminders")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReminderController {
    private final Reminders reminders;

    ReminderController(Reminders reminders) {
        this.reminders = reminders;
    }

    @Serdeable
    record ReminderList(List<ReminderView> items) {
    }

    @Get
    ReminderList list(Caller caller, @Nullable @QueryValue String status) {
        return new ReminderList(reminders.list(caller.id(), QueryParameters.reminderStatus("status", status)));
    }

    /** Cancels a pending reminder; answers the reminder as it is now. */
    @Delete("/{id}")
    ReminderView cancel(Caller caller, String id) {
        return reminders.cancel(caller.id(), Ids.path(id, "reminder"));
    }
}
