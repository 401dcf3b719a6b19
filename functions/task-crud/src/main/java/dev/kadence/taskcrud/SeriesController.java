package dev.kadence.taskcrud;

import dev.kadence.core.task.Recurrences;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/** A recurring task's series, by the {@code recurrence.series_id} its instances show. */
@Controller("/api/v1/series")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SeriesController {
    private final Recurrences recurrences;

    SeriesController(Recurrences recurrences) {
        this.recurrences = recurrences;
    }

    /** What happened to the series, newest first: instances created and completed, occurrences missed, stopped, finished. */
    @Get("/{id}/history")
    Recurrences.HistoryPage history(Authentication auth, String id, @Nullable @QueryValue String cursor,
                                    @Nullable @QueryValue String limit) {
        return recurrences.history(Ids.caller(auth), Ids.path(id, "series"), cursor, limit);
    }
}
