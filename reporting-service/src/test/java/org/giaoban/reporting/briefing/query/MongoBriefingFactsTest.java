package org.giaoban.reporting.briefing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.giaoban.platform.testing.InMemoryMongo;
import org.giaoban.reporting.briefing.query.UnitClassFacts.ClassFact;
import org.giaoban.reporting.briefing.query.UnitDocumentFacts.DocumentFact;
import org.giaoban.reporting.briefing.query.UnitTaskFacts.TaskFact;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every kind of briefing fact through the embedded MongoDB and back, as the live read model stores it. */
class MongoBriefingFactsTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoBriefingFacts facts = MongoBriefingFacts.of(mongo.template(), () -> "briefing-test-g1");

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void everyKindOfFactReadsBackAsItWasSaved() {
        List<Facts> saved = List.of(
                new UnitTaskFacts(
                        "tasks|HN",
                        "HN",
                        Map.of(
                                "t1",
                                new TaskFact("2022", LocalDate.of(2022, 6, 30), TaskStatus.OPEN, null, 0),
                                "t2",
                                new TaskFact(
                                        "2022",
                                        LocalDate.of(2022, 3, 1),
                                        TaskStatus.COMPLETED,
                                        LocalDate.of(2022, 2, 28),
                                        3))),
                new UnitDocumentFacts(
                        "documents|HN|2022",
                        "HN",
                        2022,
                        Map.of("d1", new DocumentFact(DocumentKind.PLAN, LocalDate.of(2022, 1, 5), true, 1))),
                new UnitClassFacts(
                        "classes|HN-HOANKIEM|2022",
                        "HN-HOANKIEM",
                        2022,
                        Map.of(
                                "c1",
                                new ClassFact(
                                        Bloc.PARTY, ClassFormat.BLENDED, LocalDate.of(2022, 3, 1), false, 120, 7))),
                new PlanFacts(
                        "plan|HN-HOANKIEM|2022",
                        "HN-HOANKIEM",
                        2022,
                        List.of(new PlanLine(
                                "Khối Đảng và đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66)),
                        2),
                new ContestFacts(
                        "contest|e1",
                        "e1",
                        "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW",
                        Instant.parse("2022-05-31T17:00:00Z"),
                        Instant.parse("2022-08-31T16:59:59Z"),
                        700_000,
                        1234,
                        Map.of("2022-06-01", Map.of("HN-PHUCTHO", 3_000_000_000L))),
                new ContestList(ContestList.ID, new TreeSet<>(List.of("e1", "e2"))));
        saved.forEach(facts::save);

        for (Facts one : saved) {
            Facts readBack = facts.find(one.id(), one.getClass()).orElseThrow();
            assertThat(readBack).isEqualTo(one);
        }
        assertThat(facts.findAll(List.of("tasks|HN", "tasks|HN-BAVI"), UnitTaskFacts.class))
                .containsExactly((UnitTaskFacts) saved.get(0));
    }

    @Test
    void theIndexNamesTheFactsOfARecordAndABulkInsertMatchesSavesOneByOne() {
        facts.index("t1", "tasks|HN");
        assertThat(facts.factsIdOf("t1")).hasValue("tasks|HN");
        assertThat(facts.factsIdOf("t2")).isEmpty();

        MongoBriefingFacts next = MongoBriefingFacts.of(mongo.template(), () -> "briefing-test-g2");
        InMemoryBriefingFacts folded = new InMemoryBriefingFacts();
        folded.save(new ContestList(ContestList.ID, new TreeSet<>(List.of("e1"))));
        folded.index("t2", "tasks|HN-BAVI");
        next.insertAll(folded.allFacts(), folded.allIndexEntries());

        assertThat(next.find(ContestList.ID, ContestList.class))
                .hasValueSatisfying(list -> assertThat(list.contestIds()).containsExactly("e1"));
        assertThat(next.factsIdOf("t2")).hasValue("tasks|HN-BAVI");
        next.drop();
        assertThat(next.factsIdOf("t2")).isEmpty();
    }
}
