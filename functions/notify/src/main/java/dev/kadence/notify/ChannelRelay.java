package dev.kadence.notify;

import dev.kadence.core.channel.ChannelType;
import dev.kadence.core.channel.Deliveries;
import dev.kadence.core.channel.Deliveries.Claimed;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what {@link Deliveries} has due: claims a batch (committed), sends each to its channel at the same time, and
 * records each outcome. Woken after every commit that wrote deliveries, at start (what a stopped instance left), by a
 * timer at the next due retry while this instance lives, and by {@code POST /channel-sweep} (a PingSource in the
 * cluster, which also wakes a notify scaled to zero). A claim outlives a crash for {@link #LEASE}; then the delivery
 * goes again, with the same id.
 */
@Singleton
class ChannelRelay {
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRelay.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_NAP = Duration.ofHours(1);

    private final Deliveries deliveries;
    private final WebhookSender webhooks;
    private final Provider<EmailSender> email;     // the mail classes load with the first email
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "channel-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledFuture<?> timer;

    ChannelRelay(Deliveries deliveries, WebhookSender webhooks, Provider<EmailSender> email, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.email = email;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        wake();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onWritten(Deliveries.DeliveriesWritten event) {
        wake();
    }

    /** Asks for a run soon on the relay's thread; wakes while one is queued collapse into one. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                runLogged();
                scheduleNext();
            });
        }
    }

    /** Sends everything due now, on the caller's thread; how many deliveries were attempted. */
    int run() {
        int attempted = 0;
        List<Claimed> batch;
        do {
            batch = deliveries.claim(clock.instant(), LEASE, BATCH);
            try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
                batch.forEach(c -> sending.execute(() -> deliver(c)));
            }
            attempted += batch.size();
        } while (batch.size() == BATCH);
        return attempted;
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("channels: a run failed ({}); the sweep and the next wake try again", e.toString());
        }
    }

    private void deliver(Claimed claimed) {
        try {
            if (claimed.channel().type() == ChannelType.WEBHOOK) {
                webhooks.send(claimed.channel(), claimed.delivery());
            } else {
                email.get().send(claimed.channel(), claimed.delivery());
            }
        } catch (DeliveryFailed e) {
            LOG.info("channels: delivery {} to channel {} failed (attempt {}): {}", claimed.delivery().id(),
                claimed.channel().id(), claimed.delivery().attempts(), e.getMessage());
            deliveries.failed(claimed.delivery(), e.getMessage(), clock.instant());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();     // stopping: the claim runs out and the delivery goes again
            return;
        }
        deliveries.succeeded(claimed.delivery(), clock.instant());
    }

    /** While this instance lives, a timer for the next due retry (or claim running out). */
    private synchronized void scheduleNext() {
        try {
            Instant next = deliveries.nextDue().orElse(null);
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            if (next != null) {
                long delay = Math.clamp(Duration.between(clock.instant(), next).toMillis(), 0, LONGEST_NAP.toMillis());
                timer = executor.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warn("channels: cannot plan the next run ({}); the sweep will", e.toString());
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
