package jp.foodtrace.messaging;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Decides, in one place for every consumer, whether a failure may pass if the work is tried again
 * ({@link Kind#TRANSIENT}: retry with backoff, never dead-letter) or never will
 * ({@link Kind#PERMANENT}: dead-letter at once). As in Kafka's own clients, the type decides, not
 * the message: an explicit {@link TransientFailure} or {@link PermanentFailure} anywhere in the
 * cause chain wins (the outermost one), then what the database or the broker said.
 *
 * <p>Transient, by PostgreSQL SQLState: connection exceptions (class 08), lost or refused logins
 * (28000, 28P01: a role disabled or a password rotated during a failover), serialization failure
 * and deadlock (40001, 40P01), lock not available (55P03), statement timeout (57014), server
 * shutdown or start-up (57P01-57P03) and insufficient resources (class 53: too many connections).
 * Also JDBC's own transient and recoverable exception types, a pool that could not hand out a
 * connection in time, Kafka's {@link RetriableException} family (broker unreachable, send
 * timeout, not enough replicas) and socket-level errors. Everything else is permanent: a bug or a
 * record that breaks a rule stays broken however often it is tried, and belongs in the
 * dead-letter topic where it can be seen and replayed after a fix.
 */
public final class Failures {

    /** What retrying can do about a failure. */
    public enum Kind {
        /** May succeed if tried again: retry with backoff. */
        TRANSIENT,
        /** Will fail however often it is tried: dead-letter. */
        PERMANENT
    }

    private static final Set<String> TRANSIENT_STATES = Set.of(
            "28000", "28P01", "40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        return isTransient(failure) ? Kind.TRANSIENT : Kind.PERMANENT;
    }

    /**
     * True when the failure may pass if the work is tried again. In order: an explicit
     * {@link TransientFailure}/{@link PermanentFailure} (the outermost), then the SQLState of the
     * first database error that has one (the database's own word), then the type of any cause.
     */
    public static boolean isTransient(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof TransientFailure) {
                return true;
            }
            if (t instanceof PermanentFailure) {
                return false;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return transientSqlState(sql.getSQLState());
            }
        }
        return chain.stream().anyMatch(Failures::transientType);
    }

    /** The failure, its causes, the next exceptions of database errors and what was suppressed, once each. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                todo.addFirst(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }

    private static boolean transientType(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql instanceof SQLTransientException || sql instanceof SQLRecoverableException || poolExhausted(sql);
        }
        if (t instanceof XAException xa) {
            // Resource manager unavailable, or rolled back for a reason that may pass.
            return xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL
                    || xa.errorCode == XAException.XA_RBDEADLOCK || xa.errorCode == XAException.XA_RBTIMEOUT
                    || xa.errorCode == XAException.XA_RBTRANSIENT;
        }
        // A commit that failed without a database error to say why (the connection went away
        // during the commit): the transaction is rolled back and the inbox makes a retry safe.
        return t instanceof RollbackException
                || t instanceof HeuristicRollbackException
                || t instanceof RetriableException
                || t instanceof java.util.concurrent.TimeoutException
                || t instanceof ConnectException
                || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException
                || t instanceof SocketException
                || t instanceof UnknownHostException;
    }

    /** Whether a PostgreSQL SQLState says the statement may succeed on another try. */
    static boolean transientSqlState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state);
    }

    /**
     * Agroal reports a pool that could not hand out a connection within its acquisition timeout as
     * a plain SQLException without a SQLState; its message is the only mark it has.
     */
    private static boolean poolExhausted(SQLException sql) {
        return sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    /** The failure and its root cause, with the SQLState where the database gave one: what ops need to see. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null
                ? " [SQLState " + sql.getSQLState() + "]" : "";
        return root == failure ? failure + state : failure + "; caused by " + root + state;
    }
}
