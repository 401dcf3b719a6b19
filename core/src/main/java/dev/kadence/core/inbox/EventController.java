package dev.kadence.core.inbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a KafkaSource delivers: one CloudEvent per {@code POST /events} (binary or structured mode), answered
 * 200 when processed or already processed, 400 when it can never be, 503 when it should come again. Exists in
 * every function that declares an {@link EventHandler}.
 */
@Controller
@Requires(beans = EventHandler.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {
    private static final Logger LOG = LoggerFactory.getLogger(EventController.class);

    private final EventIntake intake;

    EventController(EventIntake intake) {
        this.intake = intake;
    }

    @Post(uri = "/events", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Outcome> receive(HttpHeaders headers, @Nullable @Body byte[] body) {
        return reply(intake.receive(IncomingEvents.read(plain(headers), body)));
    }

    @Error(exception = UnprocessableEvent.class)
    HttpResponse<Outcome> unprocessable(UnprocessableEvent e) {
        LOG.warn("rejected an event: {}", e.getMessage());
        return reply(Outcome.rejected(e.getMessage(), e.errors()));
    }

    private static HttpResponse<Outcome> reply(Outcome outcome) {
        return HttpResponse.<Outcome>status(HttpStatus.valueOf(outcome.status())).body(outcome);
    }

    private static Map<String, String> plain(HttpHeaders headers) {
        Map<String, String> plain = new HashMap<>();
        headers.forEach((name, values) -> plain.put(name, values.get(0)));
        return plain;
    }
}
