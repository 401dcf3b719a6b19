package dev.kadence.core.web;

import dev.kadence.core.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * {@code /prometheus} is for the scraper only, which connects to the pod's own port; a request that passed a proxy —
 * Knative's data plane (the gateways, the activator and queue-proxy each add {@code X-Forwarded-For}), the front
 * door, an ingress — is answered 404 as if there were nothing. So no route, public or cluster-local, reads a
 * function's metrics, whoever in the cluster calls it; only what the NetworkPolicy lets reach the pod directly (the
 * monitoring namespaces) does. A client cannot take such a header off what a proxy added.
 */
@ServerFilter("/prometheus")
final class ScrapeOnly implements Ordered {
    static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "Forwarded");

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        boolean proxied = PROXY_HEADERS.stream().anyMatch(request.getHeaders()::contains);
        return proxied ? Problem.of(ErrorCode.NOT_FOUND, "no such resource", List.of()).response() : null;
    }
}
