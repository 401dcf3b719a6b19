package dev.kadence.core.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
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
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
@Order(JsonMessageHandler.ORDER - 1)
final class JsonBodies implements MessageBodyReader<JsonNode> {
    private static final JsonFactory FACTORY = new JsonFactory();
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
        return read(body.toByteArray());     // the caller releases the buffer
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

    /** One value, then the end: a second value or anything else after the first is an error. */
    static void requireOneValue(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                return;     // no value at all: the mapper says so
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new JsonSyntaxException("unexpected data after the JSON value at character "
                    + parser.currentTokenLocation().getCharOffset());
            }
        }
    }
}
