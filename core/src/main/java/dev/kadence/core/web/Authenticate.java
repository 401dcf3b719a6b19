package dev.kadence.core.web;

import dev.kadence.core.error.ErrorCode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.ArgumentBinder.BindingResult;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Bearer authentication, decided by what a route takes: a controller method with a {@link Caller} argument needs a
 * valid bearer token ({@link BearerTokens}) — without one the answer is a 401 problem+json before anything of the
 * request is read or stored; with {@code @Nullable Caller} the token is optional (a bad one counts as none); a method
 * without a Caller is open (sign-up, login, the calendar feed by its secret file name; the platform's endpoints,
 * which {@code PlatformOnly} guards). So a route that acts for a user cannot forget to ask who it is.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = BearerTokens.class)
final class Authenticate implements Ordered {
    private final BearerTokens tokens;

    Authenticate(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<Argument<?>> wanted = callerArgument(request);
        if (wanted.isEmpty()) {
            return null;
        }
        Caller caller = tokens.caller(request.getHeaders().getAll(HttpHeaders.AUTHORIZATION));
        if (caller != null) {
            request.setUserPrincipal(caller);
            return null;
        }
        return wanted.get().isNullable() ? null
            : Problem.of(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required: it is missing, invalid or expired", List.of()).response();
    }

    private static Optional<Argument<?>> callerArgument(HttpRequest<?> request) {
        RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
        if (route instanceof MethodBasedRouteMatch<?, ?> method) {
            for (Argument<?> argument : method.getArguments()) {
                if (argument.getType() == Caller.class) {
                    return Optional.of(argument);
                }
            }
        }
        return Optional.empty();
    }

    /** Gives a controller's {@link Caller} argument the caller this filter found (the request's principal). */
    @Singleton
    @Requires(beans = BearerTokens.class)
    static final class Binder implements TypedRequestArgumentBinder<Caller> {
        @Override
        public Argument<Caller> argumentType() {
            return Argument.of(Caller.class);
        }

        @Override
        public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
            Optional<Caller> caller = source.getUserPrincipal(Caller.class);
            return () -> caller;
        }
    }
}
