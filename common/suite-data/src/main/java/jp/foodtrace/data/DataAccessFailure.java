package jp.foodtrace.data;

import java.sql.SQLException;

/**
 * A statement failed. The {@link SQLException} stays the cause, so that whoever decides between
 * retry and dead letter (the messaging module's {@code Failures}, the REST problem mappers) reads
 * its SQLState: a lost connection or a serialization failure may pass, a constraint violation will
 * not. The data-access code itself never decides.
 */
public class DataAccessFailure extends RuntimeException {

    public DataAccessFailure(String message, SQLException cause) {
        super(message + " (SQLState " + cause.getSQLState() + ": " + cause.getMessage() + ")", cause);
    }

    /** The SQLState of the failed statement, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** A unique or exclusion constraint refused the row (SQLState 23505 or 23P01). */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState()) || "23P01".equals(sqlState());
    }
}
