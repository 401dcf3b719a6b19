package dev.kadence.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The MCP server's transport: Streamable HTTP, stateless — the SDK's {@link McpStatelessServerTransport} over
 * {@link McpController}, as the SDK's own servlet transport does it over a servlet. A JSON-RPC request is answered in
 * the POST's response as {@code application/json}; a notification (or a response, which this server never asks for)
 * is a 202. No session, no server-sent events: each call stands alone, so any replica (or one woken from zero) can
 * answer it (docs/decisions.md). The server — the SDK's, with {@link McpTools} — is made at the first call, not at
 * start: a function that is never asked over MCP never loads it.
 */
@Singleton
class McpTransport implements McpStatelessServerTransport {
    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

    private final McpTools tools;
    private volatile McpStatelessServerHandler handler;
    private McpJsonMapper mapper;

    McpTransport(McpTools tools) {
        this.tools = tools;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    /** One POST of {@code user} (from the token): {@code body} a JSON-RPC message, {@code version} the header's, or null. */
    MutableHttpResponse<String> post(UUID user, String version, String body) {
        McpStatelessServerHandler server = server();
        if (version != null && !protocolVersions().contains(version)) {
            return error(HttpStatus.BAD_REQUEST, McpSchema.ErrorCodes.INVALID_REQUEST, "unsupported " + PROTOCOL_VERSION_HEADER
                + " " + version + "; this server speaks " + String.join(", ", protocolVersions()));
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, body);
        } catch (IOException | IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, McpSchema.ErrorCodes.PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage());
        }
        McpTransportContext context = McpTransportContext.create(Map.of(McpTools.USER, user));
        if (message instanceof McpSchema.JSONRPCRequest request) {
            JSONRPCResponse response = server.handleRequest(context, request)
                .contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
            return json(HttpStatus.OK, response);
        }
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            server.handleNotification(context, notification).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        }
        return HttpResponse.accepted();
    }

    private McpStatelessServerHandler server() {
        McpStatelessServerHandler server = handler;
        if (server == null) {
            synchronized (this) {
                if (handler == null) {
                    mapper = new JacksonMcpJsonMapper(new ObjectMapper());
                    McpServer.sync(this)      // sets this transport's handler
                        .serverInfo("kadence", "1")
                        .instructions(McpTools.INSTRUCTIONS)
                        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                        .jsonMapper(mapper)
                        .jsonSchemaValidator(new ToolSchema.Validator())
                        .validateToolInputs(false)          // McpTools checks them, with the API's error codes
                        .immediateExecution(true)           // on this request's thread: the controller's, a blocking one
                        .tools(tools.specifications())
                        .build();
                }
                server = handler;
            }
        }
        return server;
    }

    /** A JSON-RPC error that answers no request (its id is null: the message could not be read, or not accepted). */
    private MutableHttpResponse<String> error(HttpStatus status, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", null);
        error.put("error", Map.of("code", code, "message", message));
        return json(status, error);
    }

    private MutableHttpResponse<String> json(HttpStatus status, Object body) {
        try {
            return HttpResponse.<String>status(status).body(mapper.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
