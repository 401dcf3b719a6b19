package dev.kadence.notify;

import dev.kadence.core.api.ChannelRequests;
import dev.kadence.core.channel.ChannelView;
import dev.kadence.core.channel.Channels;
import dev.kadence.core.channel.DeliveryView;
import dev.kadence.core.error.KadenceException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** The signed-in user's notification channels (docs/channels.md). */
@Controller("/api/v1/channels")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChannelController {
    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    @Serdeable
    record ChannelList(List<ChannelView> items) {
    }

    @Serdeable
    record DeliveryList(List<DeliveryView> items) {
    }

    @Get
    ChannelList list(Authentication auth) {
        return new ChannelList(channels.list(caller(auth)));
    }

    @Post
    HttpResponse<ChannelView> create(Authentication auth, @Body JsonNode body) {
        return HttpResponse.created(channels.create(caller(auth), ChannelRequests.draft(body)));
    }

    @Patch("/{id}")
    ChannelView update(Authentication auth, String id, @Body JsonNode body) {
        UUID channel = id(id);
        return channels.setPaused(caller(auth), channel, ChannelRequests.paused(body));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Authentication auth, String id) {
        channels.delete(caller(auth), id(id));
        return HttpResponse.noContent();
    }

    /** Queues a test message; 202 with the delivery, whose outcome {@code GET …/deliveries} shows. */
    @Post("/{id}/test")
    HttpResponse<DeliveryView> test(Authentication auth, String id) {
        return HttpResponse.accepted().body(channels.test(caller(auth), id(id)));
    }

    @Get("/{id}/deliveries")
    DeliveryList deliveries(Authentication auth, String id) {
        return new DeliveryList(channels.deliveries(caller(auth), id(id)));
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw KadenceException.notFound("channel");
        }
    }

    private static UUID caller(Authentication auth) {
        return UUID.fromString(auth.getName());
    }
}
