package dev.kadence.core.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.json.body.JsonMessageHandler;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/**
 * Every {@code @Body JsonNode} of every function: exactly one JSON value, nothing after it but white space. Micronaut's
 * own reader stops after the first value and ignores the rest, so {@code {"title":"x"} garbage} and {@code {} {}}
 * were read as {@code {"title":"x"}} and {@code {}}; here they are malformed JSON (400 {@code malformed_json}, through
 * {@link ProblemResponses}). Ordered before Micronaut's reader, which still reads every other type.
 * <p>
 * At most {@value #MAX_DEPTH} levels deep (400 {@code malformed_json}) and {@value #MAX_VALUES} values (strings,
 * numbers, objects, arrays… — 413 {@code payload_too_large}), counted
 * in the same streaming pass before any tree is built: a 1 MiB body of 100,000 one-character strings became a tree
 * that did not fit a function's 32 MiB heap, and the function exited (the hostile-input table's
 * {@code POST /tasks: 100,000 tags}). The largest body the API takes (a task with 20 tags and 10 reminders) has
 * fewer than 100.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
@Order(JsonMessageHandler.ORDER - 1)
public final class JsonBodies implements MessageBodyReader<JsonNode> {
    /** The most JSON values a request body may have. */
    public static final int MAX_VALUES = 10_000;
    /**
     * How deep a body may nest (objects and arrays in each other). Ours nest three deep ({@code reminders[0].at}); the
     * parser's own limit, 1,000, is deeper than a function's 512 KiB thread stacks can build a tree of.
     */
    public static final int MAX_DEPTH = 32;
    private static final JsonFactory FACTORY = factory();

    /** A parser factory with these limits: the inbox's event checks read with it too. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    }
    private final JsonMapper mapper;

    JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Argument<JsonNode> type, MediaType mediaType) {
        return type.getType() == JsonNode.class
            && (mediaType == null || mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON));
    }

    @Override
    public JsonNode read(Argument<JsonNode> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) {
        // Once read, the buffer is ours to release, as MessageBodyReader's own implementation does (when reading fails,
        // Micronaut releases it). Kept, every JSON body stayed in the function's 16 MiB of direct memory until Netty
        // could allocate no more and the function stopped answering (the hostile-input table, sent five times over).
        JsonNode read = read(body.toByteArray());
        if (body instanceof ReferenceCounted counted) {
            counted.release();
        }
        return read;
    }

    @Override
    public JsonNode read(Argument<JsonNode> type, MediaType mediaType, Headers headers, InputStream body) {
        try {
            return read(body.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("the request body could not be read: " + e.getMessage(), e);
        }
    }

    private JsonNode read(byte[] json) {
        try {
            requireOneValue(json);
            return mapper.readValue(json, Argument.of(JsonNode.class));
        } catch (IOException e) {
            throw new CodecException("the request body is not valid JSON: " + e.getMessage(),
                e instanceof JsonSyntaxException ? e : new JsonSyntaxException(e));
        }
    }

    /** One value of at most {@link #MAX_VALUES}, then the end: a second value or anything else after the first is an error. */
    static void requireOneValue(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;     // no value at all: the mapper says so
            }
            int depth = 0;
            int values = 0;
            do {
                if (token.isStructEnd()) {
                    depth--;
                    continue;
                }
                if (token.isStructStart()) {
                    depth++;
                }
                if (token != JsonToken.FIELD_NAME && ++values > MAX_VALUES) {
                    throw new KadenceException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "the request body has more than " + MAX_VALUES + " JSON values");
                }
            } while (depth > 0 && (token = parser.nextToken()) != null);
            if (parser.nextToken() != null) {
                throw new JsonSyntaxException("unexpected data after the JSON value at character "
                    + parser.currentTokenLocation().getCharOffset());
            }
        }
    }
}
