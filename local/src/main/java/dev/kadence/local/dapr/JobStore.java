package dev.kadence.local.dapr;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * Jobs persisted in the embedded PostgreSQL (database {@code dapr}), so they survive a restart of the
 * platform the way Dapr's Scheduler keeps them in etcd. One connection, used under this object's lock; one that broke
 * (PostgreSQL was restarted) is replaced by a new one at the next call, as a pool would.
 */
final class JobStore implements AutoCloseable {
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private Connection connection;

    JobStore(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            try (Statement s = connection.createStatement()) {
                s.execute("""
                    create table if not exists jobs (
                        app_id         text        not null,
                        name           text        not null,
                        schedule       text,
                        due_time       text,
                        repeats        integer,
                        ttl            text,
                        data           text,
                        failure_policy text,
                        next_fire_at   timestamptz not null,
                        expires_at     timestamptz,
                        fired          integer     not null default 0,
                        attempt        integer     not null default 0,
                        primary key (app_id, name))""");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the jobs store: " + e.getMessage(), e);
        }
    }

    synchronized void save(Job j) {
        update("""
            insert into jobs (app_id, name, schedule, due_time, repeats, ttl, data, failure_policy, next_fire_at, expires_at, fired, attempt)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (app_id, name) do update set schedule = excluded.schedule, due_time = excluded.due_time,
                repeats = excluded.repeats, ttl = excluded.ttl, data = excluded.data, failure_policy = excluded.failure_policy,
                next_fire_at = excluded.next_fire_at, expires_at = excluded.expires_at, fired = excluded.fired, attempt = excluded.attempt""",
            j.appId(), j.name(), j.schedule(), j.dueTime(), j.repeats(), j.ttl(), j.data(), j.failurePolicy(), j.nextFireAt(),
            j.expiresAt(), j.fired(), j.attempt());
    }

    synchronized Optional<Job> find(String appId, String name) {
        return query("select * from jobs where app_id = ? and name = ?", appId, name);
    }

    synchronized Optional<Job> earliest() {
        return query("select * from jobs order by next_fire_at, app_id, name limit 1");
    }

    synchronized boolean delete(String appId, String name) {
        return update("delete from jobs where app_id = ? and name = ?", appId, name) > 0;
    }

    /** Replaces the job only if it is still the version that was fired (it may have been overwritten meanwhile). */
    synchronized void replaceFired(Job fired, Job next) {
        if (find(fired.appId(), fired.name()).filter(fired::equals).isPresent()) {
            if (next == null) {
                delete(fired.appId(), fired.name());
            } else {
                save(next);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown
        }
    }

    /** The connection, a new one if the last broke; throws if the database cannot be reached. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
        }
        return connection;
    }

    /**
     * A statement failed: if the connection is broken (SQLSTATE class 08, or it no longer answers), it is dropped, and
     * the next call connects again. The failure is the caller's either way: nothing is retried here.
     */
    private IllegalStateException failed(SQLException e) {
        boolean broken = e.getSQLState() != null && e.getSQLState().startsWith("08");
        try {
            broken = broken || connection == null || !connection.isValid(1);
        } catch (SQLException invalid) {
            broken = true;
        }
        if (broken && connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
            connection = null;
        }
        return new IllegalStateException("jobs store: " + e.getMessage(), e);
    }

    private Optional<Job> query(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Timestamp expires = rs.getTimestamp("expires_at");
            Integer repeats = (Integer) rs.getObject("repeats");
            return Optional.of(new Job(rs.getString("app_id"), rs.getString("name"), rs.getString("schedule"),
                rs.getString("due_time"), repeats, rs.getString("ttl"), rs.getString("data"),
                rs.getString("failure_policy"), rs.getTimestamp("next_fire_at").toInstant(),
                expires == null ? null : expires.toInstant(), rs.getInt("fired"), rs.getInt("attempt")));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection().prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
