package dev.kadence.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /channel-sweep}: sends every channel delivery that is due, before answering, so the request keeps a
 * notify that was scaled to zero up while it sends. The chart's PingSource posts here every minute with the delivery
 * token (core's PlatformOnly checks it); the answer says how many deliveries were attempted.
 */
@Controller("/channel-sweep")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChannelSweepController {
    private final ChannelRelay relay;

    ChannelSweepController(ChannelRelay relay) {
        this.relay = relay;
    }

    @io.micronaut.serde.annotation.Serdeable
    record Swept(int attempted) {
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<Swept> sweep(@Nullable @Body byte[] ignored) {
        return HttpResponse.ok(new Swept(relay.run()));
    }
}
