package dev.kadence.core.web;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The probes of a function's pod (the chart's {@code livenessProbe} and {@code readinessProbe}, the local platform's
 * readiness check), answered as Micronaut's management endpoints answered them with {@code details-visible=NEVER}:
 * {@code {"status":"UP"}} with 200, or {@code {"status":"DOWN"}} with 503, and nothing about what is up.
 * <ul>
 *   <li>{@code /health/liveness}: UP whenever the server answers — a database outage is no reason to restart the pod;</li>
 *   <li>{@code /health/readiness} and {@code /health}: UP when a connection of the pool answers PostgreSQL within
 *       {@value #DATABASE_SECONDS} s (Micronaut's JDBC indicator made the same {@code isValid} check, within 3 s), else
 *       DOWN, and the pod gets no traffic until it is back.</li>
 * </ul>
 * Written here rather than taken from micronaut-management: its endpoint machinery (routes, processors, sensitivity,
 * the discovery module it pulls in: ~320 classes) cost ~9 % of every cold start for three answers that need none of it
 * (docs/startup-and-memory.md).
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
final class Probes {
    static final int DATABASE_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Probes.class);

    /** What a probe is told. */
    @Serdeable
    record Health(String status) {
        static final Health UP = new Health("UP");
        static final Health DOWN = new Health("DOWN");
    }

    private final ConnectionOperations<Connection> connections;

    Probes(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Get("/liveness")
    HttpResponse<Health> liveness() {
        return HttpResponse.ok(Health.UP);
    }

    @Get("/readiness")
    HttpResponse<Health> readiness() {
        return databaseAnswers() ? HttpResponse.ok(Health.UP) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(Health.DOWN);
    }

    @Get
    HttpResponse<Health> health() {
        return readiness();
    }

    private boolean databaseAnswers() {
        try {
            return connections.executeRead(status -> {
                try {
                    return status.getConnection().isValid(DATABASE_SECONDS);
                } catch (SQLException e) {
                    LOG.warn("not ready: the database does not answer ({})", e.toString());
                    return false;
                }
            });
        } catch (RuntimeException e) {   // no connection from the pool
            LOG.warn("not ready: the database does not answer ({})", e.toString());
            return false;
        }
    }
}
