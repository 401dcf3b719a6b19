package dev.kadence.taskcrud;

import dev.kadence.core.api.TagRequests;
import dev.kadence.core.tag.Tag;
import dev.kadence.core.tag.Tags;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/tags")
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
    TagList list(Caller caller) {
        return new TagList(tags.list(caller.id()).stream().map(TagView::of).toList());
    }

    @Post
    HttpResponse<TagView> create(Caller caller, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Tag.class))) @Body JsonNode body) {
        return HttpResponse.created(TagView.of(tags.create(caller.id(), TagRequests.name(body))));
    }

    @Patch("/{id}")
    TagView rename(Caller caller, String id, @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Tag.class))) @Body JsonNode body) {
        return TagView.of(tags.rename(caller.id(), Ids.path(id, "tag"), TagRequests.name(body)));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Caller caller, String id) {
        tags.delete(caller.id(), Ids.path(id, "tag"));
        return HttpResponse.noContent();
    }
}
