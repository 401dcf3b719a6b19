package dev.kadence.taskcrud;

import dev.kadence.core.api.TagRequests;
import dev.kadence.core.tag.Tag;
import dev.kadence.core.tag.Tags;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/tags")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TagController {
    private final Tags tags;

    TagController(Tags tags) {
        this.tags = tags;
    }

    @Serdeable
    record TagView(UUID id, String name, Instant createdAt) {
        static TagView of(Tag tag) {
            return new TagView(tag.id(), tag.name(), tag.createdAt());
        }
    }

    @Serdeable
    record TagList(List<TagView> items) {
    }

    @Get
    TagList list(Authentication auth) {
        return new TagList(tags.list(Ids.caller(auth)).stream().map(TagView::of).toList());
    }

    @Post
    HttpResponse<TagView> create(Authentication auth, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Tag.class))) @Body JsonNode body) {
        return HttpResponse.created(TagView.of(tags.create(Ids.caller(auth), TagRequests.name(body))));
    }

    @Patch("/{id}")
    TagView rename(Authentication auth, String id, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Tag.class))) @Body JsonNode body) {
        return TagView.of(tags.rename(Ids.caller(auth), Ids.path(id, "tag"), TagRequests.name(body)));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Authentication auth, String id) {
        tags.delete(Ids.caller(auth), Ids.path(id, "tag"));
        return HttpResponse.noContent();
    }
}
