package dev.kadence.core.inbox;

import io.cloudevents.CloudEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/** Reads an event's JSON {@code data} into a record; data that does not fit is an {@link UnprocessableEvent}. */
@Singleton
public class EventData {
    private final JsonMapper json;

    EventData(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param required the fields that must be present, with their wire names, e.g. {@code "task_id", TaskDue::taskId}
     */
    @SafeVarargs
    public final <T> T read(CloudEvent event, Class<T> type, Field<T>... required) {
        if (event.getData() == null) {
            throw new UnprocessableEvent(event.getType() + " has no data");
        }
        T data;
        try {
            data = json.readValue(event.getData().toBytes(), Argument.of(type));
        } catch (IOException | RuntimeException e) {
            throw new UnprocessableEvent(event.getType() + " data is not what it should be: " + e.getMessage());
        }
        if (data == null) {
            throw new UnprocessableEvent(event.getType() + " has no data");
        }
        String missing = String.join(", ", Arrays.stream(required).filter(f -> f.value().apply(data) == null).map(Field::name).toList());
        if (!missing.isEmpty()) {
            throw new UnprocessableEvent(event.getType() + " data lacks " + missing);
        }
        return data;
    }

    /** A required field: its wire name and how to read it. */
    public record Field<T>(String name, Function<T, ?> value) {
        public Field {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }
    }

    public static <T> Field<T> field(String name, Function<T, ?> value) {
        return new Field<>(name, value);
    }
}
