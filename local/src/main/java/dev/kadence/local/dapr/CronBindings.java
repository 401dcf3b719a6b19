package dev.kadence.local.dapr;


import dev.kadence.local.manifest.DaprComponents;

import dev.kadence.local.knative.Activator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs each cron input binding of dapr/ against the apps it is scoped to, as the Dapr runtime does: at
 * start it asks the app with {@code OPTIONS /<binding>} whether it takes the binding, then
 * {@code POST /<binding>} on every tick of the schedule. Like Dapr's, a tick is not persisted; one that falls while its
 * app is being restarted waits for it ({@link Activator}) and is then sent.
 */
final class CronBindings implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CronBindings.class.getName());
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("dapr-cron").daemon().factory());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock;
    private final Activator activator;
    private final List<String> running = new ArrayList<>();

    CronBindings(List<DaprComponents.CronBinding> bindings, Map<String, URI> apps, Map<String, String> appTokens, Clock clock,
                 Activator activator) {
        this.clock = clock;
        this.activator = activator;
        for (DaprComponents.CronBinding binding : bindings) {
            Schedule schedule = Schedule.parse(binding.schedule());
            for (String app : binding.scopes()) {
                URI base = apps.get(app);
                if (base == null) {
                    LOG.warning("cron binding " + binding.name() + " is scoped to " + app + ", which the local platform does not run");
                    continue;
                }
                URI target = base.resolve("/" + binding.name());
                String token = appTokens.get(app);
                if (subscribes(target, token)) {
                    running.add(binding.name() + " → " + app + " (" + binding.schedule() + ")");
                    tickAt(schedule.next(clock.instant()), schedule, target, token);
                }
            }
        }
    }

    /** What runs, for the start-up summary. */
    List<String> running() {
        return List.copyOf(running);
    }

    private boolean subscribes(URI target, String token) {
        try {
            HttpRequest.Builder probe = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
            probe = AppToken.add(probe, token);
            int status = http.send(probe.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status != 404 && status < 500;
        } catch (java.io.IOException e) {
            LOG.warning("cron binding: " + target + " unreachable: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void tickAt(Instant when, Schedule schedule, URI target, String token) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        ticks.schedule(() -> {
            post(target, token);
            tickAt(schedule.next(when), schedule, target, token);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Sends a tick; one that meets its app restarting (or dying) is held until the app is back, then sent once more. */
    private void post(URI target, String token) {
        try {
            try {
                activator.awaitReady(target, Activator.HOLD);
                send(target, token);
            } catch (java.io.IOException e) {
                if (activator.isReady(target) || !activator.awaitReady(target, Activator.HOLD)) {
                    throw e;
                }
                send(target, token);
            }
        } catch (java.io.IOException e) {
            LOG.warning("cron binding: " + target + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(URI target, String token) throws java.io.IOException, InterruptedException {
        HttpRequest request = AppToken.add(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()), token).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            LOG.warning("cron binding: " + target + " answered " + status);
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
