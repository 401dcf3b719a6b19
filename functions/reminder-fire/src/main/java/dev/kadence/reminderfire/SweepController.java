package dev.kadence.reminderfire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The Dapr cron input binding {@code reminder-sweep}: Dapr POSTs here on its schedule, and at start asks with
 * {@code OPTIONS} whether the app takes the binding's events (a 2xx, or 405, means yes).
 */
@Controller("/reminder-sweep")
@ExecuteOn(TaskExecutors.BLOCKING)
class SweepController {
    private final ReminderSweep sweep;

    SweepController(ReminderSweep sweep) {
        this.sweep = sweep;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<Void> sweep(@Nullable @Body byte[] ignored) {
        sweep.run();
        return HttpResponse.ok();
    }

    @Options(consumes = MediaType.ALL)
    HttpResponse<Void> subscribed() {
        return HttpResponse.ok();
    }
}
