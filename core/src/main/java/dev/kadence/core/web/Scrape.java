package dev.kadence.core.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /prometheus}: the function's metrics in Prometheus' text format, for the scraper that connects to the
 * pod's port (requests through a proxy never get here: {@link ScrapeOnly}). What Micronaut's management endpoint of
 * the same name answered, without the management machinery ({@link Probes} says why).
 */
@Controller
@Requires(beans = PrometheusMeterRegistry.class)
final class Scrape {
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    Scrape(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(uri = "/prometheus", produces = TEXT_FORMAT)
    String scrape() {
        return registry.scrape();
    }
}
