package dev.kadence.local.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kadence.local.knative.Activator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Fires due jobs: {@code POST /job/<name>} on the app that scheduled the job, with the job's data as the
 * body. Never before the due time (it waits until the clock has passed it); at least once (the next due
 * time is stored only after the app answered, so a crash in between fires the job again after restart).
 * Failed triggers follow the job's failure policy: by default, like Dapr, three retries one second apart. A trigger
 * for an app that is being restarted is held (see {@link Activator}) and uses up no retry.
 */
final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());
    private static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);
    private static final int DEFAULT_MAX_RETRIES = 3;
    private static final Duration HELD = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore store;
    private final Map<String, URI> apps;
    private final Map<String, String> appTokens;
    private final Clock clock;
    private final Activator activator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread thread;
    private volatile boolean running = true;
    private String failing;

    /** @param apps each app id's base address, e.g. reminder-fire → http://127.0.0.1:8083 */
    JobScheduler(JobStore store, Map<String, URI> apps, Map<String, String> appTokens, Clock clock, Activator activator) {
        this.appTokens = Map.copyOf(appTokens);
        this.store = store;
        this.apps = Map.copyOf(apps);
        this.clock = clock;
        this.activator = activator;
        this.thread = Thread.ofPlatform().name("dapr-jobs").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** A job was added, changed or removed: look again at what is due first. */
    synchronized void wake() {
        notifyAll();
    }

    private void run() {
        while (running) {
            try {
                Optional<Job> next = store.earliest();
                long waitMillis = next.map(j -> Duration.between(clock.instant(), j.nextFireAt()).toMillis()).orElse(1_000L);
                recovered();
                if (next.isPresent() && !clock.instant().isBefore(next.get().nextFireAt())) {
                    fire(next.get());
                } else {
                    synchronized (this) {
                        wait(Math.max(1, Math.min(waitMillis, 1_000)));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (failing == null) {
                    LOG.warning("jobs: " + e.getMessage() + "; trying again every 500 ms");
                }
                failing = e.getMessage();
                sleepQuietly();
            }
        }
    }

    /** Once the store answers again after failing (PostgreSQL was restarted), says so: the failure was logged once. */
    private void recovered() {
        if (failing != null) {
            LOG.info("jobs: the store answers again");
            failing = null;
        }
    }

    private void fire(Job job) throws InterruptedException {
        URI app = apps.get(job.appId());
        boolean delivered = app != null && activator.isReady(app)
            && deliver(app.resolve("/job/" + job.name()), appTokens.get(job.appId()), job.data());
        Instant now = clock.instant();
        if (!delivered && app != null && !activator.isReady(app)) {
            store.replaceFired(job, job.heldUntil(now.plus(HELD)));
        } else if (delivered || job.attempt() >= maxRetries(job)) {
            Instant next = job.schedule() == null ? null : nextAfter(job, now);
            store.replaceFired(job, job.doneAfter(job.fired() + 1, next) ? null : job.firedOnce(next));
        } else {
            store.replaceFired(job, job.retryAt(now.plus(retryInterval(job))));
        }
    }

    private boolean deliver(URI target, String appToken, String data) throws InterruptedException {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data == null ? "" : data));
            HttpRequest request = AppToken.add(builder, appToken).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warning("jobs: " + target + " answered " + status);
            }
            return status / 100 == 2;
        } catch (java.io.IOException e) {
            LOG.warning("jobs: " + target + " unreachable: " + e.getMessage());
            return false;
        }
    }

    private static Instant nextAfter(Job job, Instant now) {
        Schedule schedule = Schedule.parse(job.schedule());
        Instant next = schedule.next(job.nextFireAt());
        return next.isAfter(now) ? next : schedule.next(now);
    }

    private static int maxRetries(Job job) {
        JsonNode policy = policy(job);
        if (policy == null) {
            return DEFAULT_MAX_RETRIES;
        }
        if (policy.has("drop")) {
            return 0;
        }
        JsonNode constant = policy.path("constant");
        return constant.has("maxRetries") ? constant.get("maxRetries").asInt() : Integer.MAX_VALUE;
    }

    private static Duration retryInterval(Job job) {
        JsonNode policy = policy(job);
        String interval = policy == null ? null : policy.path("constant").path("interval").asText(null);
        Duration parsed = interval == null ? null : GoDuration.parse(interval);
        return parsed == null ? DEFAULT_RETRY_INTERVAL : parsed;
    }

    private static JsonNode policy(Job job) {
        try {
            return job.failurePolicy() == null ? null : JSON.readTree(job.failurePolicy());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
