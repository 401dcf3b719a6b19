package dev.kadence.core.user;

import dev.kadence.core.db.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Login attempts per account and per client address ({@code login_throttle}), shared by every task-crud pod. An
 * attempt is counted before its password is checked, in one atomic statement, so parallel guesses cannot slip past
 * the limit; a successful login takes its attempts back. Fixed windows: the first attempt opens a window of
 * {@code kadence.auth.login.window} (15 min); past the limit, the key waits until its window ends.
 */
@Singleton
class LoginThrottle {
    private final Sql sql;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;

    LoginThrottle(Sql sql,
                  @Value("${kadence.auth.login.window:15m}") Duration window,
                  @Value("${kadence.auth.login.max-failures-per-account:5}") int perAccount,
                  @Value("${kadence.auth.login.max-failures-per-address:20}") int perAddress) {
        this.sql = sql;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    static String account(String email) {
        return "account:" + email;
    }

    static String address(String address) {
        return "address:" + address;
    }

    /** Counts an attempt for {@code email} and {@code address} (null: unknown); how long to wait if over a limit, else null. */
    Duration attempt(String email, String address, Instant now) {
        Duration wait = attempt(account(email), perAccount, now);
        if (address != null) {
            Duration addressWait = attempt(address(address), perAddress, now);
            if (wait == null || (addressWait != null && addressWait.compareTo(wait) > 0)) {
                wait = addressWait;
            }
        }
        return wait;
    }

    /** The attempt succeeded: the account starts afresh, the address gets its attempt back; stale keys go. */
    void succeeded(String email, String address, Instant now) {
        sql.update("delete from login_throttle where key = ? or window_start <= ?",
            List.of(account(email), Sql.ts(now.minus(window))));
        if (address != null) {
            sql.update("update login_throttle set attempts = greatest(attempts - 1, 0) where key = ?", List.of(address(address)));
        }
    }

    private Duration attempt(String key, int limit, Instant now) {
        Object windowOpen = Sql.ts(now.minus(window));
        Attempts attempts = sql.one("""
            insert into login_throttle as t (key, attempts, window_start) values (?, 1, ?)
            on conflict (key) do update set
                attempts = case when t.window_start <= ? then 1 else t.attempts + 1 end,
                window_start = case when t.window_start <= ? then excluded.window_start else t.window_start end
            returning attempts, window_start""",
            List.of(key, Sql.ts(now), windowOpen, windowOpen),
            rs -> new Attempts(rs.getInt("attempts"), Sql.instant(rs, "window_start"))).orElseThrow();
        if (attempts.count() <= limit) {
            return null;
        }
        Duration wait = Duration.between(now, attempts.windowStart().plus(window));
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private record Attempts(int count, Instant windowStart) {
    }
}
