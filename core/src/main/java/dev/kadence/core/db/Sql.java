package dev.kadence.core.db;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query of Kadence: hand-written SQL on the current transaction's connection (or, outside a transaction, a
 * connection of its own for the one statement). A statement that fails throws {@link DatabaseException}.
 * Plain JDBC rather than Micronaut Data's repositories: the SQL is PostgreSQL's and mostly needs its features
 * (arrays, {@code on conflict}, full-text search), and the ~900 classes of Micronaut Data's runtime were the second
 * largest part of every function's start-up and memory (docs/startup-and-memory.md).
 */
@Singleton
public final class Sql {
    private final ConnectionOperations<Connection> connections;

    public Sql(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** A typed SQL null, for parameters whose type PostgreSQL cannot infer from a bare null. */
    public record Null(int sqlType) {
    }

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        return prepared(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> one(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = list(sql, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, List<?> params) {
        return prepared(sql, params, PreparedStatement::executeUpdate);
    }

    private <T> T prepared(String sql, List<?> params, Work<T> work) {
        return connections.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                bind(ps, params);
                return work.run(ps);
            } catch (SQLException e) {
                throw new DatabaseException(sql, e);
            }
        });
    }

    public static Object ts(Instant instant) {
        return instant == null ? new Null(Types.TIMESTAMP_WITH_TIMEZONE) : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Object text(String value) {
        return value == null ? new Null(Types.VARCHAR) : value;
    }

    public static Object uuid(UUID value) {
        return value == null ? new Null(Types.OTHER) : value;
    }

    public static Object integer(Integer value) {
        return value == null ? new Null(Types.INTEGER) : value;
    }

    public static Object bigint(Long value) {
        return value == null ? new Null(Types.BIGINT) : value;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private void bind(PreparedStatement ps, List<?> params) throws SQLException {
        Connection connection = ps.getConnection();
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int index = i + 1;
            if (p instanceof Null n) {
                ps.setNull(index, n.sqlType());
            } else if (p instanceof Instant instant) {
                ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof String[] texts) {
                ps.setArray(index, connection.createArrayOf("text", texts));
            } else if (p instanceof UUID[] ids) {
                ps.setArray(index, connection.createArrayOf("uuid", ids));
            } else if (p instanceof Long[] longs) {
                ps.setArray(index, connection.createArrayOf("bigint", longs));
            } else if (p instanceof Collection<?>) {
                throw new IllegalArgumentException("bind arrays as String[]/UUID[]/Long[], not collections");
            } else {
                ps.setObject(index, p);
            }
        }
    }
}
