package jp.foodtrace.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Runs against the PostgreSQL server of the machine (127.0.0.1:5432), in a table of its own. */
class JdbcTest {

    private static final String TABLE = "jdbc_test_" + UUID.randomUUID().toString().replace("-", "");
    private static Jdbc jdbc;

    @BeforeAll
    static void createTable() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(System.getProperty("suite.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        ds.setUser("postgres");
        jdbc = new Jdbc(ds);
        jdbc.update("CREATE TABLE " + TABLE + " (id text PRIMARY KEY, at timestamptz, tags text[])");
    }

    @AfterAll
    static void dropTable() {
        jdbc.update("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void rowsWrittenAreReadBackWithInstantsAndArrays() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("INSERT INTO " + TABLE + " VALUES (?, ?, ?)", "a", at, new String[] {"x", "y"});
        jdbc.batch("INSERT INTO " + TABLE + " (id) VALUES (?)", List.of(new Object[] {"b"}, new Object[] {"c"}));
        assertEquals(Optional.of(at), jdbc.one("SELECT at FROM " + TABLE + " WHERE id = ?", rs -> Jdbc.instant(rs, "at"), "a"));
        assertEquals(List.of("a", "b", "c"), jdbc.list("SELECT id FROM " + TABLE + " WHERE id = ANY(?) ORDER BY id",
                rs -> rs.getString(1), (Object) new String[] {"a", "b", "c"}));
    }

    @Test
    void aConstraintViolationKeepsItsSqlStateAndNamesTheStatement() {
        jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", "dup");
        DataAccessFailure e = assertThrows(DataAccessFailure.class,
                () -> jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", "dup"));
        assertEquals("23505", e.sqlState());
        assertTrue(e.isUniqueViolation());
        assertTrue(e.getMessage().contains("INSERT INTO " + TABLE), e.getMessage());
    }

    @Test
    void aFailureInsideABatchReportsTheRowsError() {
        DataAccessFailure e = assertThrows(DataAccessFailure.class, () -> jdbc.batch(
                "INSERT INTO " + TABLE + " (id) VALUES (?)", List.of(new Object[] {"b1"}, new Object[] {"b1"})));
        assertEquals("23505", e.sqlState());
    }

    @Test
    void moreThanOneRowForOneIsAProgrammingError() {
        jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?), (?)", "m1", "m2");
        assertThrows(IllegalStateException.class,
                () -> jdbc.one("SELECT id FROM " + TABLE + " WHERE id LIKE 'm%'", rs -> rs.getString(1)));
    }
}
