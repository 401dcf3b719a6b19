package dev.kadence.notify;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.api.SnoozeRequests;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.notification.NotificationView;
import dev.kadence.core.notification.Notifications;
import dev.kadence.core.notification.StreamTickets;
import dev.kadence.core.task.Snoozes;
import dev.kadence.core.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.reactivestreams.Publisher;

import java.util.UUID;

/**
 * The signed-in user's notifications, and their live stream. The stream takes a bearer token like everything else,
 * or, for browsers' EventSource (which cannot send headers), a ticket from {@code POST /stream-tickets}.
 */
@Controller("/api/v1/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {
    private final Notifications notifications;
    private final StreamTickets tickets;
    private final LiveStreams streams;
    private final Snoozes snoozes;

    NotificationController(Notifications notifications, StreamTickets tickets, LiveStreams streams, Snoozes snoozes) {
        this.notifications = notifications;
        this.tickets = tickets;
        this.streams = streams;
        this.snoozes = snoozes;
    }

    @Serdeable
    record ReadAll(int marked) {
    }

    @Get
    Notifications.NotificationPage list(Caller caller, @Nullable @QueryValue String unread,
                                        @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        return notifications.list(caller.id(), Boolean.TRUE.equals(QueryParameters.flag("unread", unread)),
            QueryParameters.page(limit, cursor, Notifications.DEFAULT_LIMIT, Notifications.MAX_LIMIT, Notifications::isCursor));
    }

    @Post("/{id}/read")
    NotificationView read(Caller caller, String id) {
        return notifications.read(caller.id(), notificationId(id));
    }

    /** Marks every unread notification read; answers how many were. */
    @Post("/read-all")
    ReadAll readAll(Caller caller) {
        return new ReadAll(notifications.readAll(caller.id()));
    }

    /**
     * {@code {until}} or {@code {preset: 10m|1h|tomorrow_morning}}: a new reminder of the notification's task at that
     * time, and the notification marked read.
     */
    @Post("/{id}/snooze")
    Snoozes.Snoozed snooze(Caller caller, String id, @Body JsonNode body) {
        UUID notification = notificationId(id);
        return snoozes.snooze(caller.id(), notification, SnoozeRequests.snooze(body));
    }

    private static UUID notificationId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw KadenceException.notFound("notification");
        }
    }

    /** A ticket that opens one stream within 30 seconds: {@code GET /stream?ticket=…}. */
    @Post("/stream-tickets")
    HttpResponse<StreamTickets.Ticket> ticket(Caller caller) {
        return HttpResponse.created(tickets.issue(caller.id()));
    }

    /**
     * Server-Sent Events: {@code notification} and {@code task} events of the caller, each with its id. A reconnecting
     * client sends the last id it saw ({@code Last-Event-ID}, or {@code last_event_id} when it opens a new EventSource)
     * and gets everything after it first.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> stream(@Nullable Caller caller, @Nullable @QueryValue String ticket,
                                    @Nullable @Header("Last-Event-ID") String lastEventId,
                                    @Nullable @QueryValue("last_event_id") String lastEventIdParam) {
        Long after = lastEventId(lastEventId != null ? lastEventId : lastEventIdParam);
        streams.refuseIfFull();     // before the ticket is used up: the client may retry with it
        UUID user;
        if (ticket != null) {
            user = tickets.redeem(ticket).orElseThrow(() -> new KadenceException(ErrorCode.UNAUTHENTICATED,
                "the stream ticket is unknown, used or expired: get a new one with POST /api/v1/notifications/stream-tickets"));
        } else if (caller != null) {
            user = caller.id();
        } else {
            throw new KadenceException(ErrorCode.UNAUTHENTICATED,
                "a bearer token or a stream ticket (POST /api/v1/notifications/stream-tickets) is required");
        }
        return streams.open(user, after);
    }

    private static Long lastEventId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw KadenceException.invalid("last_event_id", "invalid_event_id", "must be the id of an event this stream sent");
    }
}
