package dev.kadence.core.db;

import java.sql.SQLException;

/** A statement PostgreSQL refused or could not run; the transaction it ran in is rolled back. */
public final class DatabaseException extends RuntimeException {
    private static final String UNIQUE_VIOLATION = "23505";

    private final String sqlState;

    DatabaseException(String sql, SQLException cause) {
        super(cause.getMessage() + " [" + sql + "]", cause);
        this.sqlState = cause.getSQLState();
    }

    /** PostgreSQL's SQLSTATE, e.g. {@code 23505}. */
    public String sqlState() {
        return sqlState;
    }

    /** A unique constraint refused the row (another request stored the same key first). */
    public boolean uniqueViolation() {
        return UNIQUE_VIOLATION.equals(sqlState);
    }
}
