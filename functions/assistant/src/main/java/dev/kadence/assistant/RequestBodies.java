package dev.kadence.assistant;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The request bodies as the OpenAPI document shows them. The controllers read bodies field by field with
 * {@code core.api} (so that every error names its field), not by binding these records; {@code OperationsTest} checks
 * that the document names every field those readers read.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    @Schema(name = "QuickAddRequest")
    record QuickAdd(@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 1000,
                            description = "one line as the user typed it; not blank, no NUL characters",
                            example = "Pay rent every month on the 1st p1 #home") String text) {
    }

    @Schema(name = "AssistantMessage")
    record Message(@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 1000,
                           description = "what the user says; not blank, no NUL characters",
                           example = "Every Friday at 2 PM remind me to submit my weekly report") String text,
                   @Schema(description = "the conversation to continue; a new one when absent", format = "uuid")
                   @Nullable String conversationId) {
    }
}
