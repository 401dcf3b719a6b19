package dev.kadence.taskcrud;

import dev.kadence.core.activity.Activity;
import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.paging.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/** The activity log (notify writes it from task-events): what changed in the user's tasks, newest first. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivityController {
    private final Activity activity;

    ActivityController(Activity activity) {
        this.activity = activity;
    }

    @Get("/activity")
    Activity.ActivityPage all(Authentication auth, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        return activity.ofUser(Ids.caller(auth), page(cursor, limit));
    }

    @Get("/tasks/{id}/activity")
    Activity.ActivityPage ofTask(Authentication auth, String id, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue String limit) {
        return activity.ofTask(Ids.caller(auth), Ids.path(id, "task"), page(cursor, limit));
    }

    /** The cursor is checked where it is read: it is signed for the list it came from. */
    private static PageRequest page(String cursor, String limit) {
        return QueryParameters.page(limit, cursor, Activity.DEFAULT_LIMIT, Activity.MAX_LIMIT, any -> true);
    }
}
