package dev.kadence.taskcrud;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The request bodies as the OpenAPI document shows them. The controllers read bodies field by field with
 * {@code core.api} (so that every error names its field, and {@code null} is told from absent), not by binding these
 * records; {@code OpenApiTest} checks that the document names every field those readers read.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    @Schema(name = "SignupRequest")
    record Signup(@Schema(requiredMode = RequiredMode.REQUIRED, example = "ada@example.com") String email,
                  @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 8, description = "8 characters to 72 bytes") String password,
                  @Schema(description = "IANA time zone; UTC when absent", example = "Europe/Berlin") @Nullable String timezone,
                  @Schema(description = "BCP 47 language tag: how the user writes dates; en-GB when absent", example = "de-DE") @Nullable String locale) {
    }

    @Schema(name = "LoginRequest")
    record Login(@Schema(requiredMode = RequiredMode.REQUIRED) String email,
                 @Schema(requiredMode = RequiredMode.REQUIRED) String password) {
    }

    @Schema(name = "ProfileChange")
    record Profile(@Schema(description = "IANA time zone; absent keeps it, null is refused", example = "America/New_York")
                   @Nullable String timezone,
                   @Schema(description = "BCP 47 language tag (en-US writes dates month first); absent keeps it, null is refused", example = "en-US")
                   @Nullable String locale,
                   @Schema(description = "with a new timezone: also move the open repeating tasks in the old zone to it, at the same wall time", example = "true")
                   @Nullable Boolean moveSeries) {
    }

    @Schema(name = "TagRequest")
    record Tag(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 50, description = "trimmed and lower-cased", example = "work")
               String name) {
    }

    @Schema(name = "RecurrenceRequest")
    record Recurrence(@Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 5545 RRULE", example = "FREQ=WEEKLY;BYDAY=FR") String rule,
                      @Schema(description = "IANA time zone; the user's when absent") @Nullable String timezone,
                      @Schema(allowableValues = {"schedule", "completion"}, defaultValue = "schedule") @Nullable String mode) {
    }

    @Schema(name = "ReminderRequest", description = "exactly one of at and before_due")
    record Reminder(@Schema(description = "RFC 3339 date-time with offset") @Nullable OffsetDateTime at,
                    @Schema(description = "ISO-8601 duration before the due time, at most a year", example = "PT15M") @Nullable String beforeDue) {
    }

    @Schema(name = "TaskRequest", description = "POST /tasks and PUT /tasks/{id}: the whole task; absent fields take their defaults")
    record Task(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 500) String title,
                @Schema(maxLength = 10_000) @Nullable String description,
                @Schema(allowableValues = {"low", "medium", "high"}, defaultValue = "medium") @Nullable String priority,
                @Schema(allowableValues = {"todo", "in_progress", "done"}, defaultValue = "todo") @Nullable String status,
                @ArraySchema(maxItems = 20, schema = @Schema(example = "work")) @Nullable List<String> tags,
                @Schema(description = "RFC 3339 date-time with offset; a recurring task's first occurrence") @Nullable OffsetDateTime dueAt,
                @Nullable Recurrence recurrence,
                @ArraySchema(maxItems = 10) @Nullable List<Reminder> reminders) {
    }

    @Schema(name = "TaskPatch", description = "PATCH /tasks/{id}: only the fields present change")
    record Patch(@Schema(maxLength = 500) @Nullable String title,
                 @Schema(maxLength = 10_000) @Nullable String description,
                 @Schema(allowableValues = {"low", "medium", "high"}) @Nullable String priority,
                 @Schema(allowableValues = {"todo", "in_progress", "done"}) @Nullable String status,
                 @ArraySchema(maxItems = 20, arraySchema = @Schema(description = "replaces all tags; not with add_tags or remove_tags"))
                 @Nullable List<String> tags,
                 @Nullable List<String> addTags,
                 @Nullable List<String> removeTags,
                 @Schema(description = "RFC 3339 date-time with offset; null clears it") @Nullable OffsetDateTime dueAt,
                 @Schema(description = "null stops the series") @Nullable Recurrence recurrence,
                 @ArraySchema(maxItems = 10) @Nullable List<Reminder> reminders) {
    }

    @Schema(name = "RecurrencePreviewRequest")
    record Preview(@Schema(requiredMode = RequiredMode.REQUIRED, example = "FREQ=WEEKLY;BYDAY=FR") String rule,
                   @Nullable String timezone,
                   @Schema(allowableValues = {"schedule", "completion"}, defaultValue = "schedule") @Nullable String mode,
                   @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime dueAt) {
    }
}
