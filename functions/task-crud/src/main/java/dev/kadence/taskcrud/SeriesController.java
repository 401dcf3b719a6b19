package dev.kadence.taskcrud;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.recurrence.SeriesLifecycle;
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
    private final SeriesLifecycle series;

    SeriesController(SeriesLifecycle series) {
        this.series = series;
    }

    /** What happened to the series, newest first: instances created and completed, occurrences missed, stopped, finished. */
    @Get("/{id}/history")
    SeriesLifecycle.HistoryPage history(Authentication auth, String id, @Nullable @QueryValue String cursor,
                                        @Nullable @QueryValue String limit) {
        return series.history(Ids.caller(auth), Ids.path(id, "series"),
            QueryParameters.page(limit, cursor, SeriesLifecycle.DEFAULT_HISTORY_LIMIT, SeriesLifecycle.MAX_HISTORY_LIMIT,
                SeriesLifecycle::isHistoryCursor));
    }
}
