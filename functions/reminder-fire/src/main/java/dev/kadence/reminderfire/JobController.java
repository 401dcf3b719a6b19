package dev.kadence.reminderfire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Dapr calls back {@code POST /job/{name}} when a job this app scheduled is due (the body, the job's data, is not needed). */
@Controller("/job")
@ExecuteOn(TaskExecutors.BLOCKING)
class JobController {
    private final DueJobs dueJobs;

    JobController(DueJobs dueJobs) {
        this.dueJobs = dueJobs;
    }

    @Post(uri = "/{name}", consumes = MediaType.ALL)
    HttpResponse<Void> due(String name, @Nullable @Body byte[] data) {
        dueJobs.fire(name);
        return HttpResponse.ok();
    }
}
