package dev.kadence.taskcrud;

import dev.kadence.core.activity.Activity;
import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The activity log (notify writes it from task-events): what changed in the user's tasks, newest first. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivityController {
    private final Activity activity;

    ActivityController(Activity activity) {
        this.activity = activity;
    }

    @Get("/activity")
    Activity.ActivityPage all(Caller caller, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        return activity.ofUser(caller.id(), page(cursor, limit));
    }

    @Get("/tasks/{id}/activity")
    Activity.ActivityPage ofTask(Caller caller, String id, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue String limit) {
        return activity.ofTask(caller.id(), Ids.path(id, "task"), page(cursor, limit));
    }

    /** The cursor is checked where it is read: it is signed for the list it came from. */
    private static PageRequest page(String cursor, String limit) {
        return QueryParameters.page(limit, cursor, Activity.DEFAULT_LIMIT, Activity.MAX_LIMIT, any -> true);
    }
}
