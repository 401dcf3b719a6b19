package dev.kadence.core.web;

import dev.kadence.core.error.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Missing, invalid or expired tokens (401) and denied access (403), as problem+json like every other error. Only in
 * the functions that authenticate users (those with micronaut-security on their classpath).
 */
@Singleton
@Requires(classes = DefaultAuthorizationExceptionHandler.class)
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthenticationProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
        return e.isForbidden()
            ? Problem.of(ErrorCode.FORBIDDEN, "not allowed", List.of()).response()
            : Problem.of(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required: it is missing, invalid or expired", List.of()).response();
    }
}
