package org.giaoban.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UniqueKeyViolationsTest {

    /** Ends a cause chain followed forever; not a measure: the answer takes microseconds, however busy the machine. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

    private final UniqueKeyViolations resolver = new UniqueKeyViolations();

    @Test
    void aUniqueViolationDeepInTheCauseChainIsADuplicateKey() {
        SQLException postgres = new SQLException("duplicate key value violates unique constraint", "23505");
        Exception wrapped = new IllegalStateException(
                "store failed", new RuntimeException("could not execute batch", new RuntimeException(postgres)));

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
        assertThat(UniqueKeyViolations.isUniqueKeyViolation(postgres)).isTrue();
    }

    @Test
    void anIntegrityConstraintViolationIsADuplicateKey() {
        Exception wrapped =
                new RuntimeException(new SQLIntegrityConstraintViolationException("Unique index violation", "23000"));

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void otherSqlStatesAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("foreign key violation", "23503")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("connection lost", "08006"))))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("no state")))
                .isFalse();
    }

    @Test
    void failuresWithoutSqlAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("23505")))
                .isFalse();
        assertThat(UniqueKeyViolations.isUniqueKeyViolation(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsBackIsAnsweredAndNotFollowedForever() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.initCause(inner);

        boolean duplicate = assertTimeoutPreemptively(GIVE_UP_AFTER, () -> resolver.isDuplicateKeyViolation(outer));

        assertThat(duplicate).isFalse();
    }

    @Test
    void aUniqueViolationInACauseChainThatLoopsBackIsStillFound() {
        SQLException postgres = new SQLException("duplicate key value violates unique constraint", "23505");
        RuntimeException wrapper = new RuntimeException("store failed", postgres);
        postgres.initCause(wrapper);

        boolean duplicate = assertTimeoutPreemptively(GIVE_UP_AFTER, () -> resolver.isDuplicateKeyViolation(wrapper));

        assertThat(duplicate).isTrue();
    }
}
