package dev.kadence.assistant;

import dev.kadence.core.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/**
 * {@code POST /mcp}: the MCP server for AI clients (Claude, ChatGPT, IDEs), Streamable HTTP, with the API's bearer token
 * — without a valid one a 401 problem+json, as for every {@code /api/v1} call. A GET (a server-sent event stream) or a
 * DELETE (ending a session) is a 405: this server keeps neither ({@link McpTransport}). docs/mcp.md.
 */
@Controller("/mcp")
@ExecuteOn(TaskExecutors.BLOCKING)
class McpController {
    private final McpTransport transport;

    McpController(McpTransport transport) {
        this.transport = transport;
    }

    /** One JSON-RPC message in; the response to a request out, as JSON; 202 for a notification. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "MCP (Streamable HTTP, stateless): one JSON-RPC message",
        description = "initialize, tools/list, tools/call …; see docs/mcp.md for the tools")
    HttpResponse<String> message(Caller caller, @Nullable @Header(McpTransport.PROTOCOL_VERSION_HEADER) String version,
                                 @RequestBody(content = @Content(schema = @Schema(type = "object",
                                     description = "a JSON-RPC 2.0 request or notification"))) @Body String body) {
        return transport.post(caller.id(), version, body);
    }
}
