package dev.kadence.core.inbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kadence.core.error.FieldError;
import io.cloudevents.CloudEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Reads an event's JSON {@code data} into a record; data that does not fit is an {@link UnprocessableEvent}. */
@Singleton
public class EventData {
    /** How much of the reader's complaint is passed on. */
    private static final int MAX_DETAIL = 300;

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
            throw new UnprocessableEvent(event.getType() + " has no data",
                List.of(new FieldError("data", "required", "is required")));
        }
        T data;
        try {
            data = json.readValue(event.getData().toBytes(), Argument.of(type));
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            why = why.length() > MAX_DETAIL ? why.substring(0, MAX_DETAIL) + "…" : why;
            throw new UnprocessableEvent(event.getType() + " data is not what it should be: " + why,
                List.of(new FieldError("data", "invalid_type", "a field has the wrong type: " + why)));
        }
        if (data == null) {
            throw new UnprocessableEvent(event.getType() + " has no data",
                List.of(new FieldError("data", "required", "is required")));
        }
        List<String> missing = Arrays.stream(required).filter(f -> f.value().apply(data) == null).map(Field::name).toList();
        if (!missing.isEmpty()) {
            throw new UnprocessableEvent(event.getType() + " data lacks " + String.join(", ", missing),
                missing.stream().map(name -> new FieldError("data." + name, "required", "is required")).toList());
        }
        return data;
    }

    /** The {@code user_id} of the event's data, if it names one (for the logs); never fails. */
    public Optional<String> userId(CloudEvent event) {
        if (event.getData() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(event.getData().toBytes(), Argument.of(UserRef.class)))
                .map(UserRef::userId).map(UUID::toString);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Serdeable
    record UserRef(@JsonProperty("user_id") @Nullable UUID userId) {
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
