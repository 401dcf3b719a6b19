package dev.kadence.taskcrud;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.core.user.Accounts;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/tasks")
@Secured(SecurityRule.IS_AUTHENTICATED)
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
    TaskListing.TaskPage list(Authentication auth, HttpRequest<?> request) {
        UUID user = Ids.caller(auth);
        Map<String, String> params = new HashMap<>();
        request.getParameters().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        // the user's zone only matters for plain-date bounds: no lookup on the common path
        return listing.list(user, QueryParameters.taskQuery(params, () -> accounts.get(user).zone()));
    }

    @Post
    HttpResponse<TaskView> create(Authentication auth, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Task.class))) @Body JsonNode body) {
        return HttpResponse.created(tasks.create(Ids.caller(auth), TaskRequests.create(body)));
    }

    @Get("/{id}")
    TaskView get(Authentication auth, String id) {
        return tasks.get(Ids.caller(auth), Ids.path(id, "task"));
    }

    @Put("/{id}")
    TaskView replace(Authentication auth, String id, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Task.class))) @Body JsonNode body) {
        return tasks.update(Ids.caller(auth), Ids.path(id, "task"), TaskRequests.replace(body));
    }

    @Patch("/{id}")
    TaskView patch(Authentication auth, String id, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Patch.class))) @Body JsonNode body) {
        return tasks.update(Ids.caller(auth), Ids.path(id, "task"), TaskRequests.patch(body));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Authentication auth, String id) {
        tasks.delete(Ids.caller(auth), Ids.path(id, "task"));
        return HttpResponse.noContent();
    }

    @Post("/{id}/complete")
    TaskView complete(Authentication auth, String id) {
        return tasks.complete(Ids.caller(auth), Ids.path(id, "task"));
    }

    @Post("/{id}/reopen")
    TaskView reopen(Authentication auth, String id) {
        return tasks.reopen(Ids.caller(auth), Ids.path(id, "task"));
    }

    /** Brings a deleted task back from the trash (a second restore returns it as it is). */
    @Post("/{id}/restore")
    TaskView restore(Authentication auth, String id) {
        return tasks.restore(Ids.caller(auth), Ids.path(id, "task"));
    }

    @Delete("/{id}/recurrence")
    TaskView stopRecurrence(Authentication auth, String id) {
        return tasks.stopRecurrence(Ids.caller(auth), Ids.path(id, "task"));
    }
}
