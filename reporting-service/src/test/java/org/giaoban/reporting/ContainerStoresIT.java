package org.giaoban.reporting;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * reporting-service on the production stores, where Docker runs: the services' event stores in PostgreSQL (a
 * database each, made for each test) and the read models in a MongoDB replica set (a database for each test).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerStoresIT extends BriefingReportContract {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15-alpine");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private final String run = UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    @Override
    void openEventStores() {
        try (Connection connection =
                        DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tasks_" + run);
            statement.execute("CREATE DATABASE training_" + run);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test databases", e);
        }
        super.openEventStores();
    }

    @Override
    String tasksUrl() {
        return databaseUrl("tasks_" + run);
    }

    @Override
    String trainingUrl() {
        return databaseUrl("training_" + run);
    }

    @Override
    String user() {
        return POSTGRES.getUsername();
    }

    @Override
    String password() {
        return POSTGRES.getPassword();
    }

    @Override
    List<String> moreArguments() {
        return List.of(
                "--giaoban.mongo.uri=" + MONGO.getReplicaSetUrl(), "--spring.data.mongodb.database=reporting_" + run);
    }

    private static String databaseUrl(String database) {
        String url = POSTGRES.getJdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }
}
