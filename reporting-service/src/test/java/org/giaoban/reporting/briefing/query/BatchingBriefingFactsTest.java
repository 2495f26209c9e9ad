package org.giaoban.reporting.briefing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.giaoban.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facts a projection's processor keeps and writes in batches, checked against what another instance wrote. */
class BatchingBriefingFactsTest {

    private static final String GENERATION = "briefing-test-g1";

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoBriefingFacts stored = MongoBriefingFacts.of(mongo.template(), () -> GENERATION);

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aProjectionsWriteOverFactsAnotherInstanceChangedIsRefusedAndReadAgain() {
        BatchingBriefingFacts first = batching();
        BatchingBriefingFacts second = batching();
        first.save(contests("e1"));
        assertThat(second.find(ContestList.ID, ContestList.class)).hasValue(contests("e1"));
        second.save(contests("e1", "e2"));

        assertThatThrownBy(() -> first.save(contests("e1", "e3")))
                .isInstanceOf(MongoBriefingFacts.ConcurrentFactsWrite.class);
        assertThat(first.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2"));
        first.save(contests("e1", "e2", "e3"));
        assertThat(stored.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2", "e3"));
    }

    @Test
    void aProjectionCreatingFactsAnotherInstanceCreatedFirstIsRefused() {
        BatchingBriefingFacts first = batching();
        stored.save(contests("e1"));

        assertThatThrownBy(() -> first.save(contests("e2")))
                .isInstanceOf(MongoBriefingFacts.ConcurrentFactsWrite.class);
        assertThat(first.find(ContestList.ID, ContestList.class)).hasValue(contests("e1"));
    }

    @Test
    void aBatchIsWrittenOnlyWhenFlushedAndAFailedOneNotAtAll() {
        BatchingBriefingFacts projection = batching();
        projection.beginBatch();
        projection.save(contests("e1"));
        projection.index("t1", "tasks|HN");
        projection.save(contests("e1", "e2"));
        assertThat(projection.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2"));
        assertThat(projection.factsIdOf("t1")).hasValue("tasks|HN");
        assertThat(stored.find(ContestList.ID, ContestList.class)).isEmpty();
        assertThat(stored.factsIdOf("t1")).isEmpty();

        projection.flush();
        assertThat(stored.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2"));
        assertThat(stored.factsIdOf("t1")).hasValue("tasks|HN");

        projection.beginBatch();
        projection.save(contests("e1", "e2", "e3"));
        projection.index("t2", "tasks|HN");
        projection.discardBatch();
        assertThat(projection.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2"));
        assertThat(projection.factsIdOf("t2")).isEmpty();
        assertThat(stored.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2"));
    }

    @Test
    void afterASwitchOfGenerationTheFactsOfTheNewOneAreReadAndWritten() {
        AtomicReference<String> active = new AtomicReference<>(GENERATION);
        BatchingBriefingFacts projection =
                new BatchingBriefingFacts(MongoBriefingFacts.of(mongo.template(), active::get));
        projection.save(contests("e1"));
        projection.index("t1", "tasks|HN");
        MongoBriefingFacts next = MongoBriefingFacts.of(mongo.template(), () -> "briefing-test-g2");
        next.save(contests("e1", "e2"));

        active.set("briefing-test-g2");

        assertThat(projection.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2"));
        assertThat(projection.factsIdOf("t1")).isEmpty();
        projection.save(contests("e1", "e2", "e3"));
        assertThat(next.find(ContestList.ID, ContestList.class)).hasValue(contests("e1", "e2", "e3"));
        assertThat(stored.find(ContestList.ID, ContestList.class)).hasValue(contests("e1"));
    }

    private BatchingBriefingFacts batching() {
        return new BatchingBriefingFacts(MongoBriefingFacts.of(mongo.template(), () -> GENERATION));
    }

    private static ContestList contests(String... contestIds) {
        return new ContestList(ContestList.ID, new TreeSet<>(List.of(contestIds)));
    }
}
