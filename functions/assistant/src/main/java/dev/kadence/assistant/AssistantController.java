package dev.kadence.assistant;

import dev.kadence.core.api.AssistantRequests;
import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.language.Assistant;
import dev.kadence.core.language.AssistantReply;
import dev.kadence.core.language.Conversations;
import dev.kadence.core.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.UUID;

/** The conversational assistant: a sentence in, an answer (and what it did) out; the user's conversations. */
@Controller("/api/v1/assistant")
@ExecuteOn(TaskExecutors.BLOCKING)
class AssistantController {
    private final Assistant assistant;
    private final Conversations conversations;
    private final ModelEngine model;

    AssistantController(Assistant assistant, Conversations conversations, ModelEngine model) {
        this.assistant = assistant;
        this.conversations = conversations;
        this.model = model;
    }

    /** {@code {text, conversation_id?}} → the answer (the language model's, if one is set up, else the rules'); a new conversation when no id is given. */
    @Post("/messages")
    AssistantReply message(Caller caller,
                           @RequestBody(content = @Content(schema = @Schema(implementation = RequestBodies.Message.class))) @Body JsonNode body) {
        AssistantRequests.Message message = AssistantRequests.message(body);
        return assistant.turn(caller.id(), message.conversationId(), message.text(), model.ifOn());
    }

    /** The caller's conversations, most recent first. */
    @Get("/conversations")
    Conversations.Page conversations(Caller caller, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        return conversations.list(caller.id(),
            QueryParameters.page(limit, cursor, Conversations.DEFAULT_LIMIT, Conversations.MAX_LIMIT, Conversations::isCursor));
    }

    /** One of the caller's conversations with its messages; 404 for another's. */
    @Get("/conversations/{id}")
    Conversations.ConversationView conversation(Caller caller, String id) {
        UUID conversation;
        try {
            conversation = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw KadenceException.notFound("conversation");
        }
        return conversations.get(caller.id(), conversation);
    }
}
