package dev.kadence.taskcrud;

import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.core.web.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The user's deleted tasks that can still be restored ({@code POST /tasks/{id}/restore}), newest first. */
@Controller("/api/v1/trash")
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
    Trash list(Caller caller) {
        return new Trash(tasks.trashed(caller.id(), LISTED));
    }
}
