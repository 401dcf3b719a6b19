package dev.kadence.taskcrud;

import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The user's deleted tasks that can still be restored ({@code POST /tasks/{id}/restore}), newest first. */
@Controller("/api/v1/trash")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TrashController {
    static final int LISTED = 200;

    private final Tasks tasks;

    TrashController(Tasks tasks) {
        this.tasks = tasks;
    }

    @Serdeable
    record Trash(List<TaskView> items) {
    }

    @Get
    Trash list(Authentication auth) {
        return new Trash(tasks.trashed(Ids.caller(auth), LISTED));
    }
}
