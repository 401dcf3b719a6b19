package dev.kadence.taskcrud;

import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
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

import java.util.HashMap;
import java.util.Map;

@Controller("/api/v1/tasks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TaskController {
    private final Tasks tasks;
    private final TaskListing listing;

    TaskController(Tasks tasks, TaskListing listing) {
        this.tasks = tasks;
        this.listing = listing;
    }

    @Get
    TaskListing.TaskPage list(Authentication auth, HttpRequest<?> request) {
        Map<String, String> params = new HashMap<>();
        request.getParameters().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        return listing.list(Ids.caller(auth), params);
    }

    @Post
    HttpResponse<TaskView> create(Authentication auth, @Body JsonNode body) {
        return HttpResponse.created(tasks.create(Ids.caller(auth), body));
    }

    @Get("/{id}")
    TaskView get(Authentication auth, String id) {
        return tasks.get(Ids.caller(auth), Ids.path(id, "task"));
    }

    @Put("/{id}")
    TaskView replace(Authentication auth, String id, @Body JsonNode body) {
        return tasks.replace(Ids.caller(auth), Ids.path(id, "task"), body);
    }

    @Patch("/{id}")
    TaskView patch(Authentication auth, String id, @Body JsonNode body) {
        return tasks.patch(Ids.caller(auth), Ids.path(id, "task"), body);
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

    @Delete("/{id}/recurrence")
    TaskView stopRecurrence(Authentication auth, String id) {
        return tasks.stopRecurrence(Ids.caller(auth), Ids.path(id, "task"));
    }
}
