package dev.kadence.taskcrud;

import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.task.RecurrencePreviews;
import dev.kadence.core.web.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Recurrence rules before they are saved: what the web app's recurrence editor shows as the user types. */
@Controller("/api/v1/recurrence")
@ExecuteOn(TaskExecutors.BLOCKING)
class RecurrenceController {
    private final RecurrencePreviews previews;

    RecurrenceController(RecurrencePreviews previews) {
        this.previews = previews;
    }

    /** {@code {rule, timezone?, mode?, due_at}} → the rule in words and its next five due times; nothing is stored. */
    @Post("/preview")
    RecurrencePreviews.Preview preview(Caller caller, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Preview.class))) @Body JsonNode body) {
        return previews.preview(caller.id(), TaskRequests.preview(body));
    }
}
