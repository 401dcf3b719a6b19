package dev.kadence.core.web;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.FieldError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem document, the body of every error this function answers with. */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem("urn:kadence:problem:" + code.code(), code.title(), code.status(), detail, code.code(),
            errors.isEmpty() ? null : errors);
    }

    public MutableHttpResponse<Problem> response() {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(HttpStatus.valueOf(status)).body(this)
            .contentType(MEDIA_TYPE);
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }
}
