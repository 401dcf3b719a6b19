package dev.kadence.core.user;

import dev.kadence.core.db.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tokens revoked by logout ({@code revoked_tokens}, by jti), shared by every function that authenticates users.
 * <p>
 * Checking a token costs no database round trip: each process keeps the unexpired revocations in memory and asks the
 * database for the new ones at most once per {@code kadence.auth.revocation-refresh} (default 1 s), and only when a
 * token is checked — an idle pod asks nothing. Checks run on the HTTP server's event loop (token validation), so only
 * a process's first look-up is waited for; every later one runs on a virtual thread while checks go on answering from
 * what is known. A revocation is seen at once by the process that took the logout and
 * within that interval by every other. The look-up overlaps the previous one by {@link #OVERLAP}, so a revocation
 * whose insert committed a moment after its {@code revoked_at} is not missed. If the database cannot be read, the
 * revocations known so far still apply and the next check tries again.
 */
@Singleton
public class Revocations {
    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);
    static final Duration OVERLAP = Duration.ofSeconds(10);

    private final Sql sql;
    private final Clock clock;
    private final long refreshNanos;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();   // jti → when the token expires
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Instant seenUpTo;          // the database's clock at the last look-up; null before the first
    private volatile long nextRefresh;          // System.nanoTime() after which the next check looks again

    Revocations(Sql sql, @Value("${kadence.auth.revocation-refresh:1s}") Duration refresh) {
        this.sql = sql;
        this.clock = Clock.systemUTC();     // token expiry is wall-clock time, as the token generator's
        this.refreshNanos = refresh.toNanos();
    }

    /** Revokes the token {@code jti} of {@code user} until it expires; also forgets revocations of expired tokens. */
    public void revoke(UUID jti, UUID user, Instant expiresAt) {
        sql.update("insert into revoked_tokens (jti, user_id, expires_at) values (?, ?, ?) on conflict (jti) do nothing",
            List.of(jti, user, Sql.ts(expiresAt)));
        sql.update("delete from revoked_tokens where expires_at < ?", List.of(Sql.ts(clock.instant())));
        revoked.put(jti, expiresAt);
    }

    public boolean isRevoked(UUID jti) {
        if (seenUpTo == null) {
            refresh();      // once per process: nothing is known yet
        } else if (System.nanoTime() - nextRefresh >= 0 && !refreshing.isLocked()) {
            Thread.ofVirtual().name("revocations").start(this::refresh);
        }
        return revoked.containsKey(jti);
    }

    private void refresh() {
        refreshing.lock();
        try {
            if (seenUpTo != null && System.nanoTime() - nextRefresh < 0) {
                return;     // another thread has just looked
            }
            Instant since = seenUpTo == null ? Instant.EPOCH : seenUpTo.minus(OVERLAP);
            List<Row> rows = sql.list("""
                with t as (select clock_timestamp() as now)
                select t.now, r.jti, r.expires_at from t
                left join revoked_tokens r on r.revoked_at > ? and r.expires_at > t.now""",
                List.of(Sql.ts(since)),
                rs -> new Row(Sql.instant(rs, "now"), rs.getObject("jti", UUID.class), Sql.instant(rs, "expires_at")));
            for (Row row : rows) {
                if (row.jti() != null) {
                    revoked.put(row.jti(), row.expiresAt());
                }
            }
            Instant now = clock.instant();
            revoked.values().removeIf(expiry -> expiry.isBefore(now));
            seenUpTo = rows.getFirst().now();
        } catch (RuntimeException e) {
            LOG.warn("could not read revoked tokens; using the {} known", revoked.size(), e);
        } finally {
            nextRefresh = System.nanoTime() + refreshNanos;
            refreshing.unlock();
        }
    }

    private record Row(Instant now, UUID jti, Instant expiresAt) {
    }
}
