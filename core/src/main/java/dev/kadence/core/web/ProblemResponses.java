package dev.kadence.core.web;

import dev.kadence.core.db.DatabaseException;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.TooManyAttempts;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one place where errors become HTTP, for every function: domain errors and the framework's own (bad JSON,
 * wrong content type, body too large, unknown route) answer problem+json with a stable code. (A missing or bad bearer
 * token is answered by {@link Authenticate}, before the request reaches a controller.)
 */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    /** Errors the domain raised on purpose. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class Domain implements ExceptionHandler<KadenceException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, KadenceException e) {
            MutableHttpResponse<Problem> response = Problem.of(e.code(), e.getMessage(), e.errors()).response();
            if (e instanceof TooManyAttempts tooMany) {
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
            }
            return response;
        }
    }

    /**
     * What PostgreSQL refused. A row for a user who does not exist can only come from a valid token whose account is
     * gone (removed, or a database restored from before the sign-up): it authenticates nobody, 401 as
     * {@code Accounts.get} answers it; nothing was stored (the transaction rolled back). Anything else is unexpected.
     */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class Database implements ExceptionHandler<DatabaseException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DatabaseException e) {
            if (e.unknownUser()) {
                LOG.warn("{} {}: refused a valid token of a user that does not exist", request.getMethodName(), request.getPath());
                return Problem.of(ErrorCode.UNAUTHENTICATED, "the account of this token no longer exists", List.of()).response();
            }
            LOG.error("unexpected failure", e);
            return Problem.of(ErrorCode.INTERNAL, "an unexpected error occurred; it has been logged", List.of()).response();
        }
    }

    /** Everything the framework answers on its own: malformed JSON, 404/405/413/415, and unexpected failures. */
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    static class Framework implements ErrorResponseProcessor<Problem> {
        @Override
        public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
            int status = base.code();
            Throwable cause = context.getRootCause().orElse(null);
            Problem problem = problem(status, cause, context.getErrors());
            if (problem.status() != status) {
                base.status(problem.status());      // a head too large is a 431, not the 413 Micronaut gives it
            }
            return base.body(problem).contentType(Problem.MEDIA_TYPE);
        }

        private static Problem problem(int status, Throwable cause, List<Error> errors) {
            String message = errors.isEmpty() ? null : errors.get(0).getMessage();
            if (status >= 500) {
                LOG.error("unexpected failure", cause);
                return Problem.of(ErrorCode.forStatus(status), "an unexpected error occurred; it has been logged", List.of());
            }
            if (status == 413 && cause == null) {
                // Netty could not decode the request's head (a request line over max-initial-line-length or headers
                // over max-header-size) and Micronaut answers 413 without a cause; a body over max-request-size
                // always has one (ContentLengthExceededException). Netty does not say which of line and headers.
                return Problem.of(ErrorCode.HEADERS_TOO_LARGE, "the request line or headers are too large", List.of());
            }
            if (status == 400 && isJsonError(cause)) {
                return Problem.of(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON", List.of());
            }
            if (status == 400 && cause instanceof UnsatisfiedRouteException unsatisfied) {
                String field = unsatisfied.getArgument().getName();
                String what = field.equals("body") ? "a JSON request body is required" : "is required";
                return Problem.of(ErrorCode.VALIDATION_FAILED, field + ": " + what,
                    List.of(new FieldError(field, "required", what)));
            }
            if (status == 400 && cause instanceof ConversionErrorException conversion) {
                String field = conversion.getArgument().getName();
                return Problem.of(ErrorCode.VALIDATION_FAILED, field + ": has the wrong type",
                    List.of(new FieldError(field, "invalid_type", "has the wrong type")));
            }
            ErrorCode code = ErrorCode.forStatus(status);
            return Problem.of(code, message == null ? code.title() : message, List.of());
        }

        private static boolean isJsonError(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                String name = t.getClass().getName();
                if (name.contains("Json") || name.contains("Serde")) {
                    return true;
                }
            }
            return false;
        }
    }
}
