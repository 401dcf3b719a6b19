package dev.kadence.taskcrud;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.recurrence.SeriesLifecycle;
import dev.kadence.core.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** A recurring task's series, by the {@code recurrence.series_id} its instances show. */
@Controller("/api/v1/series")
@ExecuteOn(TaskExecutors.BLOCKING)
class SeriesController {
    private final SeriesLifecycle series;

    SeriesController(SeriesLifecycle series) {
        this.series = series;
    }

    /** What happened to the series, newest first: instances created and completed, occurrences missed, stopped, finished. */
    @Get("/{id}/history")
    SeriesLifecycle.HistoryPage history(Caller caller, String id, @Nullable @QueryValue String cursor,
                                        @Nullable @QueryValue String limit) {
        return series.history(caller.id(), Ids.path(id, "series"),
            QueryParameters.page(limit, cursor, SeriesLifecycle.DEFAULT_HISTORY_LIMIT, SeriesLifecycle.MAX_HISTORY_LIMIT,
                SeriesLifecycle::isHistoryCursor));
    }
}
