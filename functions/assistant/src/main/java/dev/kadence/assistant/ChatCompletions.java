package dev.kadence.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the OpenAI chat-completions wire format, which OpenAI, Azure OpenAI, Ollama and vLLM all speak:
 * {@code POST {url}/chat/completions} with the model, the messages and the tools on offer; the answer's
 * {@code choices[0].message} (its {@code content} and {@code tool_calls}). The JDK's HTTP client and Jackson, which the
 * function has already (for MCP), so no SDK (docs/decisions.md). Whatever goes wrong is a {@link Failure} whose message never
 * carries the key.
 */
@Singleton
class ChatCompletions {
    private static final int MAX_DETAIL = 300;

    private final ModelSettings settings;
    private volatile HttpClient http;

    /** Made at the first use, not at start: a function without a model never loads it. */
    private static final class Jackson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    ChatCompletions(ModelSettings settings) {
        this.settings = settings;
    }

    /** The mapper that reads the model's answers: a call's arguments are read as MCP's transport reads them. */
    ObjectMapper json() {
        return Jackson.MAPPER;
    }

    /** The model did not answer usefully: it failed, timed out, or answered what is not a chat completion. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The model's message after {@code messages}, with {@code tools} (chat-completions function tools) on offer. */
    JsonNode complete(List<Map<String, Object>> messages, List<Map<String, Object>> tools) throws Failure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("messages", messages);
        body.put("tools", tools);
        body.put("tool_choice", "auto");
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.completions()).timeout(settings.timeout())
            .header("Content-Type", "application/json").header("Accept", "application/json");
        if (settings.hasKey()) {
            request.header(settings.authHeader(), settings.keyValue());
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.POST(HttpRequest.BodyPublishers.ofString(json().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Failure("no answer within " + settings.timeout());
        } catch (IOException e) {
            throw new Failure("not reachable: " + settings.redacted(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure("status " + response.statusCode() + ": " + detail(response.body()));
        }
        try {
            JsonNode message = json().readTree(response.body()).path("choices").path(0).path("message");
            if (!message.isObject()) {
                throw new Failure("an answer without choices[0].message");
            }
            return message;
        } catch (IOException | RuntimeException e) {
            throw new Failure("an answer that is not a chat completion: " + detail(response.body()));
        }
    }

    private String detail(String body) {
        String text = settings.redacted(body == null ? "" : body.strip());
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
                }
                client = http;
            }
        }
        return client;
    }
}
