package org.giaoban.training.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.giaoban.training.personaldata.PersonKeys.PersonKey;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The key store on H2 with the service's migrations, used by two transactions at once. */
class PersonKeysTest {

    static final MasterKey MASTER_KEY = PersonalDataModuleTest.MASTER_KEY;

    @Test
    void twoCommandsThatMeetTheSameNewPersonAtOnceUseOneKeyWithoutWaitingForEachOther() throws Exception {
        DataSource dataSource = migratedStore();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PersonKeys keys = new PersonKeys(jdbc, MASTER_KEY, new Pseudonyms(MASTER_KEY));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch firstHasItsKey = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);

        // The first command keeps its transaction open, as a long class list does, until the second is done.
        CompletableFuture<PersonKey> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            PersonKey key = keys.obtain(List.of("079301000123")).get("079301000123");
            firstHasItsKey.countDown();
            awaitQuietly(secondIsDone, 30);
            return key;
        }));
        assertThat(firstHasItsKey.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<PersonKey> second = CompletableFuture.supplyAsync(() -> transactions.execute(
                status -> keys.obtain(List.of("079301000123", "001088004567")).get("079301000123")));

        // Waiting for the first to commit would take the 30 s it is held open (longer than the store's lock timeout).
        PersonKey secondKey = second.get(5, TimeUnit.SECONDS);
        secondIsDone.countDown();
        PersonKey firstKey = first.get(20, TimeUnit.SECONDS);

        assertThat(secondKey.keyId()).isEqualTo(firstKey.keyId());
        assertThat(secondKey.key().getEncoded()).isEqualTo(firstKey.key().getEncoded());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aKeyMadeForACommandThatFailsStaysAndServesTheNextOne() {
        DataSource dataSource = migratedStore();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PersonKeys keys = new PersonKeys(jdbc, MASTER_KEY, new Pseudonyms(MASTER_KEY));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        PersonKey madeByTheFailedOne = transactions.execute(status -> {
            PersonKey key = keys.obtain(List.of("079301000123")).get("079301000123");
            status.setRollbackOnly();
            return key;
        });
        PersonKey next = transactions.execute(
                status -> keys.obtain(List.of("079301000123")).get("079301000123"));

        assertThat(next.keyId()).isEqualTo(madeByTheFailedOne.keyId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(1);
    }

    private static DataSource migratedStore() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:person-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform/h2", "classpath:db/migration/training/h2")
                .load()
                .migrate();
        return dataSource;
    }

    private static void awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
