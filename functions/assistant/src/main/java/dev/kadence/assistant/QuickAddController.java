package dev.kadence.assistant;

import dev.kadence.core.api.QuickAddRequests;
import dev.kadence.core.language.QuickAddReader;
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

/** Quick add: one line read into a task, for the client to show, correct and then send to {@code POST /tasks}. */
@Controller("/api/v1/quick-add")
@ExecuteOn(TaskExecutors.BLOCKING)
class QuickAddController {
    private final QuickAddReader reader;

    QuickAddController(QuickAddReader reader) {
        this.reader = reader;
    }

    /** {@code {text}} → {@code {task, recognised}}; nothing is stored. */
    @Post("/parse")
    QuickAddAnswer parse(Caller caller, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.QuickAdd.class))) @Body JsonNode body) {
        return QuickAddAnswer.of(reader.quickAdd(caller.id(), QuickAddRequests.text(body)));
    }
}
