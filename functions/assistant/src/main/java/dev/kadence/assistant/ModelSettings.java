package dev.kadence.assistant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * The assistant's optional language model (DESIGN §9): an OpenAI-compatible chat-completions endpoint
 * ({@code KADENCE_LLM_URL}, e.g. {@code https://api.openai.com/v1} or Ollama's {@code http://ollama:11434/v1}), the
 * model, and the key (from a Secret) sent as {@code authHeader} — {@code Authorization: Bearer <key>}, or the key
 * alone in another header (Azure OpenAI's {@code api-key}). Off unless url and model are set. The key never shows in
 * {@link #toString}.
 */
@ConfigurationProperties("kadence.llm")
record ModelSettings(
    @Nullable String url,
    @Nullable String model,
    @Nullable String key,
    @Bindable(defaultValue = "Authorization") String authHeader,
    @Bindable(defaultValue = "8s") Duration timeout,
    @Bindable(defaultValue = "30") int turnsPerHour) {

    boolean on() {
        return url != null && !url.isBlank() && model != null && !model.isBlank();
    }

    boolean hasKey() {
        return key != null && !key.isBlank();
    }

    /** {@code POST {url}/chat/completions}. */
    URI completions() {
        String base = url.strip();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    /** What the key header carries. */
    String keyValue() {
        return authHeader.equalsIgnoreCase("Authorization") ? "Bearer " + key : key;
    }

    /** {@code text} with the key in it (an error body may echo it) replaced. */
    String redacted(String text) {
        return hasKey() && text != null ? text.replace(key, "[key]") : text;
    }

    @Override
    public String toString() {
        return "ModelSettings[url=" + url + ", model=" + model + ", key=" + (hasKey() ? "[set]" : "[none]") + ", authHeader="
            + authHeader + ", timeout=" + timeout + ", turnsPerHour=" + turnsPerHour + "]";
    }
}
