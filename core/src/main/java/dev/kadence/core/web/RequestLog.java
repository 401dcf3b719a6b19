package dev.kadence.core.web;

import dev.kadence.core.logging.MdcScope;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One log line per HTTP request — method, path (never the query, which may hold what a user searched for), status,
 * time — with its request id and, once authenticated, its user id; in JSON logs these are fields of the line
 * ({@code request_id}, {@code user_id}, {@code http_method}, {@code http_path}, {@code http_status},
 * {@code duration_ms}). The request id is the caller's {@code X-Request-Id} (the ingress's, or the front door's) when
 * it is a plausible one, else a new one; it is answered in {@code X-Request-Id} and is in the MDC of every line
 * logged while the request is handled, on whichever thread. Successful probes and scrapes are not logged: the
 * platform makes them every few seconds.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestLog implements Ordered {
    static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String ID = RequestLog.class.getName() + ".id";
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void begin(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ID, id);
        request.setAttribute(STARTED, System.nanoTime());
        context.add(new MdcPropagationContext(Map.of("request_id", id)));
    }

    @ResponseFilter
    void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ID, String.class).orElse(null);
        if (id == null) {
            return;
        }
        response.header(HEADER, id);
        int status = response.code();
        String path = request.getPath();
        if (status < 400 && (path.startsWith("/health") || path.equals("/prometheus"))) {
            return;
        }
        // Two decimals: most requests take well under a millisecond, and "0 ms" would hide what they cost.
        long nanos = System.nanoTime() - request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        String millis = String.format(Locale.ROOT, "%.2f", nanos / 1e6);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("request_id", id);
        request.getUserPrincipal().map(Principal::getName).ifPresent(user -> fields.put("user_id", user));
        fields.put("http_method", request.getMethodName());
        fields.put("http_path", path);
        fields.put("http_status", Integer.toString(status));
        fields.put("duration_ms", millis);
        try (MdcScope scope = MdcScope.with(fields)) {
            if (status >= 500) {
                LOG.warn("{} {} {} {} ms", request.getMethodName(), path, status, millis);
            } else {
                LOG.info("{} {} {} {} ms", request.getMethodName(), path, status, millis);
            }
        }
    }
}
