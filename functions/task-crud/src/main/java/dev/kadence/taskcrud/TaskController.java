package dev.kadence.taskcrud;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.core.user.Accounts;
import dev.kadence.core.web.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
class TaskController {
    private final Tasks tasks;
    private final TaskListing listing;
    private final Accounts accounts;

    TaskController(Tasks tasks, TaskListing listing, Accounts accounts) {
        this.tasks = tasks;
        this.listing = listing;
        this.accounts = accounts;
    }

    @Get
    TaskListing.TaskPage list(Caller caller, HttpRequest<?> request) {
        UUID user = caller.id();
        Map<String, String> params = new HashMap<>();
        request.getParameters().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        // the user's zone only matters for plain-date bounds: no lookup on the common path
        return listing.list(user, QueryParameters.taskQuery(params, () -> accounts.get(user).zone()));
    }

    @Post
    HttpResponse<TaskView> create(Caller caller, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Task.class))) @Body JsonNode body) {
        return HttpResponse.created(tasks.create(caller.id(), TaskRequests.create(body)));
    }

    @Get("/{id}")
    TaskView get(Caller caller, String id) {
        return tasks.get(caller.id(), Ids.path(id, "task"));
    }

    @Put("/{id}")
    TaskView replace(Caller caller, String id, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Task.class))) @Body JsonNode body) {
        return tasks.update(caller.id(), Ids.path(id, "task"), TaskRequests.replace(body));
    }

    @Patch("/{id}")
    TaskView patch(Caller caller, String id, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Patch.class))) @Body JsonNode body) {
        return tasks.update(caller.id(), Ids.path(id, "task"), TaskRequests.patch(body));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Caller caller, String id) {
        tasks.delete(caller.id(), Ids.path(id, "task"));
        return HttpResponse.noContent();
    }

    @Post("/{id}/complete")
    TaskView complete(Caller caller, String id) {
        return tasks.complete(caller.id(), Ids.path(id, "task"));
    }

    @Post("/{id}/reopen")
    TaskView reopen(Caller caller, String id) {
        return tasks.reopen(caller.id(), Ids.path(id, "task"));
    }

    /** Brings a deleted task back from the trash (a second restore returns it as it is). */
    @Post("/{id}/restore")
    TaskView restore(Caller caller, String id) {
        return tasks.restore(caller.id(), Ids.path(id, "task"));
    }

    @Delete("/{id}/recurrence")
    TaskView stopRecurrence(Caller caller, String id) {
        return tasks.stopRecurrence(caller.id(), Ids.path(id, "task"));
    }
}
