package dev.kadence.core.web;

import dev.kadence.core.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Only the platform delivers: {@code /events} (the KafkaSources) and notify's {@code /channel-sweep} (a PingSource)
 * need the delivery token, reminder-fire's
 * {@code /job/…} and {@code /reminder-sweep} (the Dapr sidecar) need Dapr's app token. Anything else is a 401
 * problem+json before the request reaches a controller, so nothing is processed or stored. A KafkaSource does not
 * retry a 401, so every refusal is logged and counted ({@code kadence_deliveries_refused_total{endpoint}}): a
 * misconfigured token shows there, not as silently lost events.
 */
@ServerFilter({"/events", "/channel-sweep", "/job/**", "/reminder-sweep"})
final class PlatformOnly implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformOnly.class);

    private final PlatformCredentials credentials;
    private final @Nullable MeterRegistry meters;

    PlatformOnly(PlatformCredentials credentials, @Nullable MeterRegistry meters) {
        this.credentials = credentials;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        boolean events = request.getPath().equals("/events") || request.getPath().equals("/channel-sweep");
        boolean accepted = events
            ? credentials.deliveryAccepts(request.getHeaders().get(PlatformCredentials.DELIVERY_HEADER))
            : credentials.daprAccepts(request.getHeaders().get(PlatformCredentials.DAPR_HEADER));
        if (accepted) {
            return null;
        }
        String endpoint = events ? "events" : "dapr";
        String header = events ? PlatformCredentials.DELIVERY_HEADER : PlatformCredentials.DAPR_HEADER;
        LOG.warn("refused {} {}: no valid {} header (is the platform's token configured on both sides?)",
            request.getMethod(), request.getPath(), header);
        if (meters != null) {
            Counter.builder("kadence.deliveries.refused")
                .description("Deliveries refused for want of the platform's credential (never retried by the sender)")
                .tag("endpoint", endpoint).register(meters).increment();
        }
        return Problem.of(ErrorCode.UNAUTHENTICATED,
            "only the platform delivers here: the " + header + " header is missing or wrong", List.of()).response();
    }
}
