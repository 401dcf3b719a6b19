package dev.kadence.notify;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.notification.StreamEvents;
import dev.kadence.core.notification.StreamEvents.StreamEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.sse.Event;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open streams of this instance. One connection LISTENs on {@link StreamEvents#CHANNEL}; a notification names a
 * user, and each of that user's streams reads its events after the last one it sent and sends them. Every instance
 * hears every commit, so it does not matter which instance stored an event and which holds the browser's stream.
 * A heartbeat every {@link #HEARTBEAT} keeps proxies from closing idle streams and makes each stream look again, so
 * nothing waits longer than that even if a notification was lost while the listening connection was down.
 */
@Singleton
class LiveStreams implements ApplicationEventListener<ServerStartupEvent> {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);
    private static final int PAGE = 500;

    private final StreamEvents events;
    private final Clock clock;
    private final Duration retention;
    private final String url;
    private final String user;
    private final String password;
    private final int maxOpen;
    private final Map<UUID, Set<Stream>> byUser = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private volatile Connection listening;

    LiveStreams(StreamEvents events, Clock clock, MeterRegistry meters,
                @Value("${kadence.stream.retention:P1D}") Duration retention,
                @Value("${kadence.stream.max-open:400}") int maxOpen,
                @Value("${datasources.default.url}") String url,
                @Value("${datasources.default.username:}") String user,
                @Value("${datasources.default.password:}") String password) {
        this.events = events;
        this.clock = clock;
        this.retention = retention;
        this.maxOpen = maxOpen;
        this.url = url;
        this.user = user;
        this.password = password;
        Gauge.builder("kadence.streams.open", this, LiveStreams::openStreams)
            .description("Server-Sent Events streams open on this instance").register(meters);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread.ofPlatform().daemon().name("stream-listener").start(this::listen);
    }

    /**
     * The stream of {@code userId}'s events after {@code afterId}, or, when it is null, of those that happen from now
     * on. Each SSE event has the stream event's id, its kind as name and its JSON as data.
     */
    Flux<Event<String>> open(UUID userId, Long afterId) {
        return Flux.create(sink -> {
            Stream stream = new Stream(userId, sink);
            byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(stream);
            sink.onDispose(() -> byUser.computeIfPresent(userId, (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            }));
            readers.execute(() -> {
                try {
                    stream.last = afterId != null ? afterId : events.last(userId);   // registered first: nothing slips between
                } catch (RuntimeException e) {
                    LOG.warn("opening a stream of user {} failed ({}); the client reconnects", userId, e.getMessage());
                    sink.error(e);
                    return;
                }
                sink.next(Event.of("").comment("connected"));
                stream.wake();
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * Refuses a new stream while this instance holds {@code kadence.stream.max-open} (503, which the web app retries):
     * one instance ran out of heap at ~790 streams (docs/performance.md). Knative's {@code containerConcurrency} keeps
     * the same limit in the cluster; this one holds wherever notify runs. A soft limit: streams opening at the same
     * moment may pass it by a few.
     */
    void refuseIfFull() {
        if (openStreams() >= maxOpen) {
            throw new KadenceException(ErrorCode.UNAVAILABLE,
                "this instance holds " + maxOpen + " open streams, its limit: try again in a moment");
        }
    }

    int openStreams() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private void wake(UUID userId) {
        Set<Stream> streams = byUser.get(userId);
        if (streams != null) {
            streams.forEach(Stream::wake);
        }
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "15s")
    void heartbeat() {
        byUser.values().forEach(set -> set.forEach(s -> {
            s.sink.next(Event.of("").comment("heartbeat"));
            s.wake();
        }));
    }

    /** Events older than the retention cannot be replayed: a browser away that long reloads its lists instead. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void prune() {
        int pruned = events.prune(clock.instant().minus(retention));
        if (pruned > 0) {
            LOG.info("stream events older than {}: {} pruned", retention, pruned);
        }
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + StreamEvents.CHANNEL);
                }
                backoff = Duration.ofMillis(100);
                byUser.keySet().forEach(this::wake);        // whatever happened while nobody listened
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) HEARTBEAT.toMillis());
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            wake(UUID.fromString(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("listening for stream events failed ({}); trying again in {} ms", e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        readers.shutdownNow();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One open stream: reads and sends by one reader at a time, however often it is woken. */
    private final class Stream {
        final UUID userId;
        final FluxSink<Event<String>> sink;
        final AtomicInteger wanted = new AtomicInteger();
        volatile long last = -1;

        Stream(UUID userId, FluxSink<Event<String>> sink) {
            this.userId = userId;
            this.sink = sink;
        }

        void wake() {
            if (last >= 0 && wanted.getAndIncrement() == 0) {
                readers.execute(this::drain);
            }
        }

        private void drain() {
            int missed = 1;
            do {
                try {
                    List<StreamEvent> page;
                    do {
                        page = events.after(userId, last, PAGE);
                        for (StreamEvent e : page) {
                            sink.next(Event.of(e.data()).id(Long.toString(e.id())).name(e.kind()));
                            last = e.id();
                        }
                    } while (page.size() == PAGE && !sink.isCancelled());
                } catch (RuntimeException e) {
                    LOG.warn("reading stream events of user {} failed ({}); the next heartbeat tries again", userId, e.getMessage());
                }
                missed = wanted.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}
