package dev.kadence.core.db;

import org.postgresql.util.PSQLException;

import java.sql.SQLException;

/** A statement PostgreSQL refused or could not run; the transaction it ran in is rolled back. */
public final class DatabaseException extends RuntimeException {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final String sqlState;
    private final String constraint;

    DatabaseException(String sql, SQLException cause) {
        super(cause.getMessage() + " [" + sql + "]", cause);
        this.sqlState = cause.getSQLState();
        this.constraint = cause instanceof PSQLException p && p.getServerErrorMessage() != null
            ? p.getServerErrorMessage().getConstraint() : null;
    }

    /**
     * A row was written for a user who does not exist: a foreign key to {@code users} ({@code <table>_user_id_fkey}, as
     * PostgreSQL names them) refused it. Only a token whose account is gone can ask for that — a valid signature on a
     * user id the database does not have (an account removed, a database restored from before the sign-up).
     */
    public boolean unknownUser() {
        return FOREIGN_KEY_VIOLATION.equals(sqlState) && constraint != null && constraint.endsWith("_user_id_fkey");
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
