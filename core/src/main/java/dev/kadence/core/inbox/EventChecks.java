package dev.kadence.core.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kadence.core.api.Body;
import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.Violations;
import dev.kadence.core.time.Times;
import dev.kadence.core.web.JsonBodies;
import io.cloudevents.CloudEvent;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a delivered event must be before any consumer looks at it: the event side of the API's input hygiene, with the
 * same rules ({@link Body#clean}, {@link Times}) and the same field errors, checked once for every function at the
 * boundary ({@link IncomingEvents#read}). An event that fails is rejected (400, never retried, nothing recorded:
 * docs/events.md, "Consuming"), so a poison event goes to the dead letters once instead of failing in the database
 * on every redelivery.
 *
 * <ul>
 *   <li>Attributes: {@code id}, {@code type}, {@code source} and {@code subject} one line of at most
 *   {@value #MAX_ATTRIBUTE} characters, and they and every extension free of control characters and half surrogate
 *   pairs (they are logged and {@code id} is stored); {@code time} in the years 1–9999; {@code datacontenttype},
 *   when given, JSON.</li>
 *   <li>Data: present, at most {@value #MAX_DATA_BYTES} bytes, {@value #MAX_VALUES} values and
 *   {@value JsonBodies#MAX_DEPTH} levels deep (the API's limits), exactly one JSON object, with {@code task_id} and
 *   {@code user_id}. Every name and string in it is clean; every field named {@code id} or {@code …_id} is null or a
 *   UUID; every field named {@code at} or {@code …_at}, and every item of {@code next_occurrences}, is null or an
 *   RFC 3339 date-time in the years 1–9999.</li>
 * </ul>
 * What each type needs beyond that (which ids, which times must be there) is its consumer's
 * ({@link EventData#read}).
 */
final class EventChecks {
    /** Our ids, subjects, types and sources are UUIDs and short names; a longer one is not ours (and would not fit an index). */
    static final int MAX_ATTRIBUTE = 256;
    /** The largest task snapshot (a 500-character title, 10,000 of description, 20 tags, 10 reminders) is well under 100 KiB. */
    static final int MAX_DATA_BYTES = 256 * 1024;
    /** As for an API body (core/web/JsonBodies): a snapshot has a few hundred values at most. */
    static final int MAX_VALUES = JsonBodies.MAX_VALUES;
    /** At most this many field errors are answered (a large payload could have thousands). */
    static final int MAX_ERRORS = 20;
    /** Fields every event's data carries: which task, whose (docs/events.md, "Data"). */
    static final List<String> REQUIRED = List.of("task_id", "user_id");

    private static final JsonFactory JSON = JsonBodies.factory();     // nested at most JsonBodies.MAX_DEPTH deep
    private static final Pattern UUID_TEXT =
        Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EventChecks() {
    }

    /** @throws UnprocessableEvent with a field error for each thing wrong (the first {@value #MAX_ERRORS}) */
    static void check(CloudEvent event) {
        Violations v = new Violations();
        attributes(event, v);
        data(event, v);
        if (v.isEmpty()) {
            return;
        }
        List<FieldError> errors = v.errors();
        FieldError first = errors.get(0);
        String detail = errors.size() == 1 ? first.field() + ": " + first.message()
            : errors.size() + " problems, the first: " + first.field() + ": " + first.message();
        throw new UnprocessableEvent("not an event Kadence can process: " + detail,
            errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    private static void attributes(CloudEvent event, Violations v) {
        attribute("id", event.getId(), v);
        attribute("type", event.getType(), v);
        attribute("source", event.getSource() == null ? null : event.getSource().toString(), v);
        attribute("subject", event.getSubject(), v);
        if (event.getTime() != null) {
            Times.inRange("time", event.getTime().toInstant(), v);
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            v.add("datacontenttype", "unsupported_media_type", "must be application/json");
        }
        for (String name : event.getExtensionNames()) {
            if (Body.clean("extension", name, v) != null && event.getExtension(name) instanceof String value) {
                Body.clean(name, value, v);
            }
        }
    }

    private static void attribute(String name, String value, Violations v) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_ATTRIBUTE) {
            v.add(name, "too_long", "must be at most " + MAX_ATTRIBUTE + " characters");
        } else if (Body.clean(name, value, v) != null && value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            v.add(name, "invalid_character", "must be one line: no tab, line feed or carriage return");
        }
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    private static void data(CloudEvent event, Violations v) {
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        if (data.length > MAX_DATA_BYTES) {
            v.add("data", "too_large", "must be at most " + MAX_DATA_BYTES + " bytes");
            return;
        }
        try (JsonParser parser = JSON.createParser(data)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                v.add("data", "required", "is required: a JSON object with task_id and user_id");
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                v.add("data", "not_an_object", "must be a JSON object");
                return;
            }
            Set<String> present = new HashSet<>();
            object(parser, "data", v, present, new int[] {1});
            if (parser.nextToken() != null) {
                v.add("data", "malformed_json", "must be one JSON value, with nothing after it");
                return;
            }
            for (String field : REQUIRED) {
                if (!present.contains(field) && !v.has("data." + field)) {
                    v.add("data." + field, "required", "is required");
                }
            }
        } catch (TooManyValues e) {
            v.add("data", "too_large", "must have at most " + MAX_VALUES + " JSON values");
        } catch (IOException e) {     // not JSON, not UTF-8, nested or numbered beyond the parser's limits
            v.add("data", "malformed_json", "is not valid JSON");
        }
    }

    /** The fields of the object the parser has just opened; {@code present} (the top level only) gets the names set. */
    private static void object(JsonParser parser, String path, Violations v, Set<String> present, int[] values) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = Body.clean(path, parser.currentName(), v);
            JsonToken token = parser.nextToken();
            if (name == null) {
                parser.skipChildren();
                continue;
            }
            String field = path + "." + name;
            if (present != null && token != JsonToken.VALUE_NULL) {
                present.add(name);
            }
            value(parser, token, field, Kind.of(name), v, values);
        }
    }

    private static void value(JsonParser parser, JsonToken token, String field, Kind kind, Violations v, int[] values)
        throws IOException {
        if (++values[0] > MAX_VALUES) {
            throw new TooManyValues();
        }
        switch (token) {
            case VALUE_NULL -> {
            }
            case START_OBJECT -> {
                if (kind != Kind.TEXT) {
                    kind.wrong(field, v);
                    parser.skipChildren();
                } else {
                    object(parser, field, v, null, values);
                }
            }
            case START_ARRAY -> {
                if (kind != Kind.TEXT && kind != Kind.TIMES) {
                    kind.wrong(field, v);
                    parser.skipChildren();
                    return;
                }
                Kind items = kind == Kind.TIMES ? Kind.TIME : Kind.TEXT;
                int i = 0;
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    value(parser, item, field + "[" + i++ + "]", items, v, values);
                }
            }
            case VALUE_STRING -> {
                String text = Body.clean(field, parser.getText(), v);
                if (text == null) {
                    return;
                }
                switch (kind) {
                    case ID -> {
                        if (!UUID_TEXT.matcher(text).matches()) {
                            kind.wrong(field, v);
                        }
                    }
                    case TIME -> Times.instant(field, text, v);
                    case TIMES -> kind.wrong(field, v);
                    case TEXT -> {
                    }
                }
            }
            default -> {     // a number or a boolean
                if (kind != Kind.TEXT) {
                    kind.wrong(field, v);
                }
            }
        }
    }

    /** Thrown out of the walk at the first value past {@link #MAX_VALUES}. */
    private static final class TooManyValues extends IOException {
        TooManyValues() {
            super(null, null);
        }
    }

    /** What a field's name says it holds (docs/events.md, "Data"). */
    private enum Kind {
        TEXT, ID, TIME, TIMES;

        static Kind of(String name) {
            if (name.equals("id") || name.endsWith("_id")) {
                return ID;
            }
            if (name.equals("at") || name.endsWith("_at")) {
                return TIME;
            }
            return name.equals("next_occurrences") ? TIMES : TEXT;
        }

        void wrong(String field, Violations v) {
            switch (this) {
                case ID -> v.add(field, "invalid_id", "must be a UUID");
                case TIME -> v.add(field, "invalid_datetime", "must be an RFC 3339 date-time with offset, e.g. 2026-11-27T13:00:00Z");
                case TIMES -> v.add(field, "not_an_array", "must be an array of RFC 3339 date-times");
                case TEXT -> {
                }
            }
        }
    }
}
