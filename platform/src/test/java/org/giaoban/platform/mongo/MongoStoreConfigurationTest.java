package org.giaoban.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MongoStoreConfigurationTest {

    @Test
    void aConfiguredMongoDbThatCannotBeReachedFailsAReadWithinTwoSeconds() {
        MongoClientSettings settings =
                MongoStoreConfiguration.settingsFor(new ConnectionString("mongodb://mongo:27017/?replicaSet=rs0"));

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(2_000);
        assertThat(settings.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
    }

    @Test
    void theTimeLimitsOfTheUriWin() {
        MongoClientSettings settings = MongoStoreConfiguration.settingsFor(
                new ConnectionString("mongodb://mongo:27017/?serverSelectionTimeoutMS=9000&connectTimeoutMS=4000"));

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(9_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(4_000);
    }

    @Test
    void writesAreAcknowledgedOnceJournaledOnAMajorityUnlessTheUriSaysOtherwise() {
        assertThat(MongoStoreConfiguration.settingsFor(new ConnectionString("mongodb://mongo:27017/?replicaSet=rs0"))
                        .getWriteConcern())
                .isEqualTo(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
        assertThat(MongoStoreConfiguration.settingsFor(new ConnectionString("mongodb://mongo:27017/?w=1"))
                        .getWriteConcern())
                .isEqualTo(com.mongodb.WriteConcern.W1);
    }
}
