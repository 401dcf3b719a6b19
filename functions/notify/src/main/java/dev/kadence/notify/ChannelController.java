package dev.kadence.notify;

import dev.kadence.core.api.ChannelRequests;
import dev.kadence.core.channel.ChannelView;
import dev.kadence.core.channel.Channels;
import dev.kadence.core.channel.DeliveryView;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.web.Caller;
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
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** The signed-in user's notification channels (docs/channels.md). */
@Controller("/api/v1/channels")
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
    ChannelList list(Caller caller) {
        return new ChannelList(channels.list(caller.id()));
    }

    @Post
    HttpResponse<ChannelView> create(Caller caller, @Body JsonNode body) {
        return HttpResponse.created(channels.create(caller.id(), ChannelRequests.draft(body)));
    }

    @Patch("/{id}")
    ChannelView update(Caller caller, String id, @Body JsonNode body) {
        UUID channel = id(id);
        return channels.setPaused(caller.id(), channel, ChannelRequests.paused(body));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Caller caller, String id) {
        channels.delete(caller.id(), id(id));
        return HttpResponse.noContent();
    }

    /** Queues a test message; 202 with the delivery, whose outcome {@code GET …/deliveries} shows. */
    @Post("/{id}/test")
    HttpResponse<DeliveryView> test(Caller caller, String id) {
        return HttpResponse.accepted().body(channels.test(caller.id(), id(id)));
    }

    @Get("/{id}/deliveries")
    DeliveryList deliveries(Caller caller, String id) {
        return new DeliveryList(channels.deliveries(caller.id(), id(id)));
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw KadenceException.notFound("channel");
        }
    }
}
