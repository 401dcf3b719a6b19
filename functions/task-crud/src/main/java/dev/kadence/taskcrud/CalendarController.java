package dev.kadence.taskcrud;

import dev.kadence.core.calendar.CalendarFeeds;
import dev.kadence.core.web.Caller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The calendar feed: the signed-in user makes, looks at and revokes it under {@code /feed}; a calendar app subscribes
 * to {@code /{token}.ics} with no other credential, the token being the secret.
 */
@Controller("/api/v1/calendar")
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {
    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    private static final String SUFFIX = ".ics";

    private final CalendarFeeds feeds;

    CalendarController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Serdeable
    record FeedStatus(boolean exists, Instant createdAt) {
    }

    @Serdeable
    record FeedCreated(String url, String path, Instant createdAt) {
    }

    @Get("/feed")
    FeedStatus status(Caller caller) {
        return feeds.createdAt(caller.id()).map(at -> new FeedStatus(true, at)).orElse(new FeedStatus(false, null));
    }

    /** Makes the feed or replaces its token (the old URL is then not found): 201 with the URL, shown only now. */
    @Post("/feed")
    HttpResponse<FeedCreated> create(HttpRequest<?> request, Caller caller) {
        CalendarFeeds.Created created = feeds.create(caller.id());
        String path = "/api/v1/calendar/" + created.token() + SUFFIX;
        return HttpResponse.created(new FeedCreated(origin(request) + path, path, created.createdAt()));
    }

    @Delete("/feed")
    HttpResponse<Void> revoke(Caller caller) {
        feeds.revoke(caller.id());
        return HttpResponse.noContent();
    }

    @Get("/{file}")
    @Produces(TEXT_CALENDAR)
    HttpResponse<byte[]> feed(HttpRequest<?> request, String file) {
        String token = file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : null;
        CalendarFeeds.Feed feed = feeds.render(token);
        boolean unchanged = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH, String.class)
            .filter(feed.etag()::equals).isPresent();
        MutableHttpResponse<byte[]> response = unchanged ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
            : HttpResponse.ok(feed.body()).contentType(TEXT_CALENDAR);
        return response.header(HttpHeaders.ETAG, feed.etag())
            .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
            .header("Referrer-Policy", "no-referrer");
    }

    /** Where the caller reached the API, as the front door passes it on. */
    private static String origin(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        String host = headers.get("X-Forwarded-Host", String.class).or(() -> headers.get(HttpHeaders.HOST, String.class))
            .orElse("localhost");
        String scheme = headers.get("X-Forwarded-Proto", String.class).orElse("http");
        return scheme + "://" + host;
    }
}
