package dev.kadence.assistant;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.testing.ApiAnswer;
import dev.kadence.testing.EventProbe;
import dev.kadence.testkit.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MCP server driven by a real MCP client — the SDK's, over Streamable HTTP — against the running function: initialize,
 * the tools and their schemas, each tool called, two users kept apart, bad arguments as tool errors with the API's codes,
 * and no token, no MCP.
 */
@MicronautTest(transactional = false)
class McpTest extends AssistantTest {
    private static final List<String> TOOLS = List.of("add_task", "update_task", "complete_task", "reopen_task", "delete_task",
        "find_tasks", "stop_series", "add_reminder", "cancel_reminder", "list_reminders", "parse_quick_add");
    private final List<McpSyncClient> clients = new ArrayList<>();
    private EventProbe probe;

    @BeforeAll
    void listen() {
        probe = new EventProbe(List.of(Topics.TASK_EVENTS), () -> fixtures.count("select count(*) from outbox") == 0);
    }

    @AfterAll
    void close() {
        clients.forEach(McpSyncClient::closeGracefully);
        probe.close();
    }

    /** An initialized client of the SDK's, signed in as {@code user}. */
    private McpSyncClient client(UUID user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.getURL().toString())
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token(user)))
            .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
            .jsonSchemaValidator(new ToolSchema.Validator()).build();
        clients.add(client);
        client.initialize();
        return client;
    }

    @Test
    void initializeListsElevenToolsEachWithASchemaOfTheKeywordsItsCheckUnderstands() {
        McpSyncClient client = client(fixtures.user("Europe/Berlin"));

        assertThat(client.getServerInfo().name()).isEqualTo("kadence");
        assertThat(client.getServerCapabilities().tools()).isNotNull();
        assertThat(client.getServerInstructions()).contains("time zone");
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(TOOLS);
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object").containsEntry("additionalProperties", false)
                .containsKey("properties");
            assertKeywords(tool.name(), tool.inputSchema());
        }
        assertThat(tools).filteredOn(t -> Boolean.TRUE.equals(t.annotations().readOnlyHint())).extracting(McpSchema.Tool::name)
            .containsExactlyInAnyOrder("find_tasks", "list_reminders", "parse_quick_add");
        assertThat(tools).filteredOn(t -> Boolean.TRUE.equals(t.annotations().destructiveHint())).extracting(McpSchema.Tool::name)
            .containsExactly("delete_task");
    }

    @SuppressWarnings("unchecked")
    private static void assertKeywords(String where, Map<String, Object> schema) {
        assertThat(ToolSchema.KEYWORDS).as(where).containsAll(schema.keySet());
        ((Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of()))
            .forEach((name, property) -> assertKeywords(where + "." + name, property));
        if (schema.get("items") instanceof Map<?, ?> items) {
            assertKeywords(where + "[]", (Map<String, Object>) items);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachToolDoesWhatItSaysThroughCoresServices() {
        UUID user = fixtures.user("Europe/Berlin");
        McpSyncClient client = client(user);

        Map<String, Object> parsed = ok(client, "parse_quick_add", Map.of("text", "Pay rent every month on the 1st p1 #home"));
        assertThat((Map<String, Object>) parsed.get("task")).containsEntry("title", "Pay rent").containsEntry("priority", "high")
            .containsEntry("tags", List.of("home"))
            .containsEntry("recurrence", Map.of("rule", "FREQ=MONTHLY;BYMONTHDAY=1", "timezone", "Europe/Berlin", "mode", "schedule"));
        assertThat(fixtures.count("select count(*) from tasks where user_id = ?", user)).isZero();

        Map<String, Object> standup = ok(client, "add_task", Map.of("title", "Standup", "repeat", "every Monday at 9am",
            "reminders", List.of("15 minutes before"), "tags", List.of("work"), "priority", "high"));
        assertThat(standup).containsEntry("title", "Standup").containsEntry("priority", "high").containsEntry("tags", List.of("work"));
        assertThat((String) standup.get("due_at")).matches("\\d{4}-\\d\\d-\\d\\dT09:00:00\\+0[12]:00");
        assertThat((Map<String, Object>) standup.get("recurrence")).containsEntry("rule", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0")
            .containsEntry("timezone", "Europe/Berlin").containsEntry("mode", "schedule").containsEntry("status", "active");
        assertThat((List<Map<String, Object>>) standup.get("reminders")).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("before_due", "PT15M").containsEntry("status", "pending"));
        String standupId = (String) standup.get("id");
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_CREATED, standupId)).hasSize(1);

        Map<String, Object> call = ok(client, "add_task", Map.of("title", "Call mom", "due", "tomorrow at 6pm",
            "reminders", List.of("at 17:30")));
        assertThat((String) call.get("due_at")).contains("T18:00:00+0");
        String callId = (String) call.get("id");
        assertThat((List<Map<String, Object>>) call.get("reminders")).singleElement()
            .satisfies(r -> assertThat((String) r.get("at")).contains("T17:30:00+0"));

        Map<String, Object> found = ok(client, "find_tasks", Map.of("search", "standup"));
        assertThat((List<Map<String, Object>>) found.get("items")).extracting(t -> t.get("id")).containsExactly(standupId);
        found = ok(client, "find_tasks", Map.of("tags", List.of("work"), "priority", List.of("high"), "status", List.of("todo")));
        assertThat((List<Map<String, Object>>) found.get("items")).extracting(t -> t.get("id")).containsExactly(standupId);
        found = ok(client, "find_tasks", Map.of("due_from", "today", "due_to", "in 8 days", "sort_by", "title", "limit", 1));
        assertThat((List<Map<String, Object>>) found.get("items")).extracting(t -> t.get("title")).containsExactly("Call mom");
        assertThat(found.get("next_cursor")).isNotNull();

        Map<String, Object> updated = ok(client, "update_task", Map.of("task_id", callId, "title", "Call mum",
            "add_tags", List.of("family"), "due", "next Friday at 5pm"));
        assertThat(updated).containsEntry("title", "Call mum").containsEntry("tags", List.of("family"));
        assertThat((String) updated.get("due_at")).contains("T17:00:00+0");

        Map<String, Object> reminded = ok(client, "add_reminder", Map.of("task_id", callId, "when", "1 hour before"));
        assertThat((List<Map<String, Object>>) reminded.get("reminders")).filteredOn(r -> "pending".equals(r.get("status")))
            .extracting(r -> r.get("before_due")).contains("PT1H");

        Map<String, Object> pending = ok(client, "list_reminders", Map.of("status", "pending"));
        List<Map<String, Object>> reminders = (List<Map<String, Object>>) pending.get("items");
        assertThat(reminders).extracting(r -> r.get("task_id")).contains(standupId, callId);
        String reminderId = (String) reminders.stream().filter(r -> standupId.equals(r.get("task_id"))).findFirst().orElseThrow().get("id");
        assertThat(ok(client, "cancel_reminder", Map.of("reminder_id", reminderId))).containsEntry("status", "cancelled");
        assertThat(fixtures.reminderStatus(UUID.fromString(reminderId))).isEqualTo("cancelled");

        assertThat(ok(client, "complete_task", Map.of("task_id", standupId))).containsEntry("status", "done");
        assertThat(ok(client, "reopen_task", Map.of("task_id", standupId))).containsEntry("status", "todo");
        assertThat(ok(client, "stop_series", Map.of("task_id", standupId))).containsEntry("recurrence", null);
        assertThat(ok(client, "delete_task", Map.of("task_id", standupId))).containsEntry("task_id", standupId)
            .containsEntry("deleted", true);
        assertThat((List<?>) ok(client, "find_tasks", Map.of("search", "standup")).get("items")).isEmpty();
        probe.settle();
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_COMPLETED, standupId)).hasSize(1);
        assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_DELETED, standupId)).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoUsersSeeAndTouchOnlyTheirOwnTasks() {
        UUID ada = fixtures.user("Europe/Berlin");
        UUID bob = fixtures.user("America/New_York");
        McpSyncClient adaClient = client(ada);
        McpSyncClient bobClient = client(bob);
        Map<String, Object> task = ok(adaClient, "add_task", Map.of("title", "Ada's secret", "due", "tomorrow at 9am",
            "reminders", List.of("30 minutes before")));
        String id = (String) task.get("id");
        String reminder = (String) ((List<Map<String, Object>>) task.get("reminders")).get(0).get("id");
        assertThat((String) task.get("due_at")).endsWith("+01:00");        // Ada's offset in her results

        assertThat((List<?>) ok(bobClient, "find_tasks", Map.of()).get("items")).isEmpty();
        assertThat((List<?>) ok(bobClient, "list_reminders", Map.of()).get("items")).isEmpty();
        for (String tool : List.of("complete_task", "reopen_task", "delete_task", "stop_series")) {
            assertToolError(bobClient, tool, Map.of("task_id", id), "not_found", null, null);
        }
        assertToolError(bobClient, "update_task", Map.of("task_id", id, "title", "Mine now"), "not_found", null, null);
        assertToolError(bobClient, "add_reminder", Map.of("task_id", id, "when", "at 8:00"), "not_found", null, null);
        assertToolError(bobClient, "cancel_reminder", Map.of("reminder_id", reminder), "not_found", null, null);

        Map<String, Object> still = (Map<String, Object>) ((List<?>) ok(adaClient, "find_tasks", Map.of()).get("items")).get(0);
        assertThat(still).containsEntry("title", "Ada's secret").containsEntry("status", "todo");
        assertThat(fixtures.reminderStatus(UUID.fromString(reminder))).isEqualTo("pending");
    }

    @Test
    void badArgumentsAreToolErrorsWithTheApisCodesAndStoreNothing() {
        UUID user = fixtures.user("Europe/Berlin");
        McpSyncClient client = client(user);
        String nobody = UUID.randomUUID().toString();

        assertToolError(client, "add_task", Map.of(), "validation_failed", "title", "required");
        assertToolError(client, "add_task", Map.of("title", 5), "validation_failed", "title", "not_a_string");
        assertToolError(client, "add_task", Map.of("title", "   "), "validation_failed", "title", "empty");
        assertToolError(client, "add_task", Map.of("title", "x", "priority", "urgent"), "validation_failed", "priority", "invalid_priority");
        assertToolError(client, "add_task", Map.of("title", "x", "colour", "red"), "validation_failed", "colour", "unknown_field");
        assertToolError(client, "add_task", Map.of("title", "x", "due", "when pigs fly"), "validation_failed", "due", "unreadable_date");
        assertToolError(client, "add_task", Map.of("title", "x", "due", "2026-13-40T25:00:00Z"), "validation_failed", "due", "invalid_datetime");
        assertToolError(client, "add_task", Map.of("title", "x", "repeat", "now and then"), "validation_failed", "repeat", "unreadable_repeat");
        assertToolError(client, "add_task", Map.of("title", "x", "repeat", "FREQ=SECONDLY"), "validation_failed", "repeat", "unsupported_frequency");
        assertToolError(client, "add_task", Map.of("title", "x", "repeat", "FREQ=WEEKLY;BYDAY=MO"), "validation_failed", "due", "required_for_recurrence");
        assertToolError(client, "add_task", Map.of("title", "x", "repeat_mode", "completion"), "validation_failed", "repeat_mode", "needs_repeat");
        assertToolError(client, "add_task", Map.of("title", "x", "reminders", List.of("15 minutes before")), "validation_failed",
            "reminders", "due_at_required");
        assertToolError(client, "add_task", Map.of("title", "x", "reminders", List.of("whenever")), "validation_failed",
            "reminders[0]", "unreadable_reminder");
        assertToolError(client, "add_task", Map.of("title", "x", "tags", List.of("a,b")), "validation_failed", "tags", "invalid_tag");
        assertToolError(client, "complete_task", Map.of("task_id", "nope"), "validation_failed", "task_id", "invalid_id");
        assertToolError(client, "complete_task", Map.of("task_id", nobody), "not_found", null, null);
        assertToolError(client, "update_task", Map.of("task_id", nobody, "due", "tomorrow", "clear_due", true), "validation_failed",
            "clear_due", "conflicting_fields");
        assertToolError(client, "find_tasks", Map.of("limit", 0), "validation_failed", "limit", "invalid_limit");
        assertToolError(client, "find_tasks", Map.of("limit", 2.5), "validation_failed", "limit", "not_an_integer");
        assertToolError(client, "find_tasks", Map.of("sort_by", "size"), "validation_failed", "sort_by", "invalid_sort");
        assertToolError(client, "find_tasks", Map.of("status", List.of("open")), "validation_failed", "status[0]", "invalid_status");
        assertToolError(client, "find_tasks", Map.of("cursor", "x"), "invalid_cursor", null, null);
        assertToolError(client, "find_tasks", Map.of("due_within", "this week", "due_from", "today"), "validation_failed",
            "due_from", "conflicting_fields");
        assertToolError(client, "list_reminders", Map.of("status", "snoozed"), "validation_failed", "status", "invalid_status");
        assertToolError(client, "add_reminder", Map.of("task_id", nobody), "validation_failed", "when", "required");
        assertToolError(client, "parse_quick_add", Map.of("text", " \u200b "), "validation_failed", "text", "empty");
        assertToolError(client, "parse_quick_add", Map.of("text", "x".repeat(1001)), "validation_failed", "text", "too_long");
        assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("make_coffee", Map.of())))
            .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool");
        assertThat(fixtures.count("select count(*) from tasks where user_id = ?", user)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnumAndIdOfEverySchemaIsEnforced() {
        McpSyncClient client = client(fixtures.user("Europe/Berlin"));
        for (McpSchema.Tool tool : client.listTools().tools()) {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) tool.inputSchema().get("properties");
            List<String> required = (List<String>) tool.inputSchema().getOrDefault("required", List.of());
            properties.forEach((name, schema) -> {
                Map<String, Object> item = schema.get("items") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
                Map<String, Object> constrained = item != null ? item : schema;
                if (!constrained.containsKey("enum") && !"uuid".equals(constrained.get("format"))) {
                    return;
                }
                Map<String, Object> args = new HashMap<>();
                required.forEach(r -> args.put(r, "uuid".equals(properties.get(r).get("format")) ? UUID.randomUUID().toString() : "x"));
                args.put(name, item != null ? List.of("not-one-of-them") : "not-one-of-them");
                CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool.name(), args));
                assertThat(result.isError()).as(tool.name() + "." + name).isTrue();
                Map<String, Object> problem = (Map<String, Object>) result.structuredContent();
                assertThat(problem).as(tool.name() + "." + name).containsEntry("code", "validation_failed");
                assertThat((List<Map<String, Object>>) problem.get("errors")).as(tool.name() + "." + name)
                    .anySatisfy(e -> assertThat((String) e.get("field")).startsWith(name));
            });
        }
    }

    @Test
    void withoutAValidTokenThereIsNoMcp() {
        String initialize = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
             "clientInfo":{"name":"curl","version":"1"}}}""";
        HttpResponse<String> none = post(null, initialize, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(ApiAnswer.of(none, json), 401, "unauthenticated", null, null);
        assertThat(post("not-a-token", initialize, null).statusCode()).isEqualTo(401);

        HttpClientStreamableHttpTransport anonymous = HttpClientStreamableHttpTransport.builder(server.getURL().toString())
            .endpoint("/mcp").build();
        try (McpSyncClient client = McpClient.sync(anonymous).requestTimeout(Duration.ofSeconds(10))
                .jsonSchemaValidator(new ToolSchema.Validator()).build()) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void theTransportIsStatelessStreamableHttp() {
        String token = token(fixtures.user("UTC"));
        HttpResponse<String> list = post(token, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}", "2025-06-18");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(list.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(list.body()).contains("\"id\":\"a\"").contains("\"add_task\"");

        assertThat(post(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", null).statusCode()).isEqualTo(202);
        HttpResponse<String> garbage = post(token, "{\"hello\":", null);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("\"code\":-32700");
        HttpResponse<String> future = post(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "2099-01-01");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("MCP-Protocol-Version");
        assertThat(Http.call("GET", URI.create(server.getURL() + "/mcp"), token, null).statusCode()).isEqualTo(405);
        assertThat(Http.call("DELETE", URI.create(server.getURL() + "/mcp"), token, null).statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String token, String body, String version) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/mcp"))
            .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            request.header("MCP-Protocol-Version", version);
        }
        return Http.send(request.build());
    }

    /** A successful call's structured result; its text block is the same JSON. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, new LinkedHashMap<>(arguments)));
        assertThat(result.isError()).as(tool + " " + arguments + " → " + result.content()).isFalse();
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        try {
            assertThat(json.readValue(text, Map.class)).isEqualTo(structured);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return structured;
    }

    /** A tool error carrying the API's problem: {@code code}, and {@code field} with {@code fieldCode} if not null. */
    @SuppressWarnings("unchecked")
    private static void assertToolError(McpSyncClient client, String tool, Map<String, Object> arguments, String code,
                                        String field, String fieldCode) {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, new LinkedHashMap<>(arguments)));
        String what = tool + " " + arguments + " → " + result.content();
        assertThat(result.isError()).as(what).isTrue();
        Map<String, Object> problem = (Map<String, Object>) result.structuredContent();
        assertThat(problem).as(what).containsEntry("code", code);
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).as(what).contains("\"code\":\"" + code + "\"");
        if (field != null) {
            assertThat((List<Map<String, Object>>) problem.get("errors")).as(what).anySatisfy(e ->
                assertThat(e).containsEntry("field", field).containsEntry("code", fieldCode));
        }
    }
}
