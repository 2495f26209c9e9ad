package org.giaoban.training.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.giaoban.training.personaldata.PersonKeys.PersonKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The key store on H2 with the service's migrations, used by two transactions at once. */
class PersonKeysTest {

    static final MasterKey MASTER_KEY = PersonalDataModuleTest.MASTER_KEY;

    JdbcTemplate jdbc;
    PersonKeys keys;
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        DataSource dataSource = migratedStore();
        jdbc = new JdbcTemplate(dataSource);
        keys = new PersonKeys(jdbc, MASTER_KEY, new Pseudonyms(MASTER_KEY));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void twoCommandsThatMeetTheSameNewPersonAtOnceUseOneKey() throws Exception {
        CountDownLatch firstHasItsKey = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);

        // The first keeps its new key uncommitted until the second has tried to insert the same one and waits for it.
        CompletableFuture<PersonKey> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            PersonKey key = keys.obtain(List.of("079301000123")).get("079301000123");
            firstHasItsKey.countDown();
            awaitQuietly(secondIsWaiting);
            return key;
        }));
        assertThat(firstHasItsKey.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<PersonKey> second = new CompletableFuture<>();
        Thread secondThread = new Thread(() -> {
            try {
                second.complete(transactions.execute(status ->
                        keys.obtain(List.of("079301000123", "001088004567")).get("079301000123")));
            } catch (RuntimeException failed) {
                second.completeExceptionally(failed);
            }
        });
        secondThread.start();
        // The second's insert of the same key cannot end before the first commits: once H2 shows it running, it waits.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                                        + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO personal_data_key%'",
                                Long.class)
                        > 0);
        secondIsWaiting.countDown();

        PersonKey firstKey = first.get(20, TimeUnit.SECONDS);
        PersonKey secondKey = second.get(20, TimeUnit.SECONDS);
        assertThat(secondKey.keyId()).isEqualTo(firstKey.keyId());
        assertThat(secondKey.key().getEncoded()).isEqualTo(firstKey.key().getEncoded());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(2);
    }

    @Test
    void commandsThatMeetTheSameNewPeopleInAnyOrderAtOnceAllSucceed() throws Exception {
        Random random = new Random(11);
        long keysMade = 0;
        ExecutorService commands = Executors.newFixedThreadPool(4);
        try {
            // Each round: four class lists of new people, sharing most of them, each listing them in its own order.
            for (int round = 0; round < 20; round++) {
                List<String> people = new ArrayList<>();
                for (int person = 0; person < 60; person++) {
                    people.add(String.format("0793%02d%06d", round, person));
                }
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<Map<String, PersonKey>>> lists = new ArrayList<>();
                for (int list = 0; list < 4; list++) {
                    List<String> classList = new ArrayList<>(people);
                    Collections.shuffle(classList, random);
                    List<String> enrolled = classList.subList(0, 45);
                    lists.add(commands.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return transactions.execute(status -> keys.obtain(enrolled));
                    }));
                }
                Map<String, String> keyIdOf = new HashMap<>();
                for (Future<Map<String, PersonKey>> list : lists) {
                    list.get(30, TimeUnit.SECONDS)
                            .forEach((person, key) -> assertThat(keyIdOf.putIfAbsent(person, key.keyId()))
                                    .as("the key of %s", person)
                                    .isIn(null, key.keyId()));
                }
                keysMade += keyIdOf.size();
            }
        } finally {
            commands.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(keysMade);
    }

    /** An H2 store as the service makes it, waiting for row locks as long as the service's embedded store does. */
    static DataSource migratedStore() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:person-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform/h2", "classpath:db/migration/training/h2")
                .load()
                .migrate();
        return dataSource;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
