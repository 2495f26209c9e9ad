package org.giaoban.suite.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading the figures back from a briefing report shaped as API.md shows it. */
class DatasetCheckTest {

    private static final String CONTEST_ID = "7d2f8c1e-5b0a-4c3e-9f61-0a8b2c4d6e10";

    private static final String REPORT = """
            {"from": "2022-01-01", "to": "2022-09-08", "unitId": "HN", "recordedAt": null,
             "tasks": {"due": 87, "completed": 84, "open": 3, "overdue": 0, "completionRate": 0.9655,
                       "byUnit": [{"unitId": "HN-LONGBIEN", "due": 5, "completed": 5}]},
             "documents": {"issued": 1420, "byKind": {"PLAN": 300}},
             "training": {"classes": 1418, "learnerTurns": 230516,
                          "byBloc": {"PARTY": {"classes": 614, "learnerTurns": 102068},
                                     "MASS_ORGANISATIONS": {"classes": 288, "learnerTurns": 52467},
                                     "STATE": {"classes": 490, "learnerTurns": 71215},
                                     "OTHER": {"classes": 26, "learnerTurns": 4766}}},
             "trainingPlans": [{"unitId": "HN-LONGBIEN", "year": 2022, "lines": [{"label": "Khối Đảng",
                                "blocs": ["PARTY"], "planned": 26, "actual": 19}]},
                               {"unitId": "HN-HOANKIEM", "year": 2022, "lines": [
                                {"label": "Khối Đảng và đoàn thể", "blocs": ["PARTY", "MASS_ORGANISATIONS"],
                                 "planned": 66, "actual": 50},
                                {"label": "Quản lý nhà nước", "blocs": ["STATE"], "planned": 31, "actual": 23}]}],
             "contests": [{"id": "00000000-0000-0000-0000-000000000001", "title": "Another", "entries": 5,
                           "participants": 5},
                          {"id": "7d2f8c1e-5b0a-4c3e-9f61-0a8b2c4d6e10", "title": "...", "entries": 1000000,
                           "participants": 700000}],
             "position": {"tasks": 1234, "training": 1250000}}
            """;

    @Test
    void theReportsFiguresAreReadByBlocWithTheLoadedContestsCounters() throws Exception {
        JsonNode report = ServiceClient.JSON.readTree(REPORT);

        BriefingFigures figures = DatasetCheck.reported(report, CONTEST_ID);

        Map<Bloc, BriefingFigures.ClassCount> byBloc = new EnumMap<>(Bloc.class);
        byBloc.put(Bloc.PARTY, new BriefingFigures.ClassCount(614, 102_068));
        byBloc.put(Bloc.MASS_ORGANISATIONS, new BriefingFigures.ClassCount(288, 52_467));
        byBloc.put(Bloc.STATE, new BriefingFigures.ClassCount(490, 71_215));
        byBloc.put(Bloc.OTHER, new BriefingFigures.ClassCount(26, 4_766));
        assertThat(figures).isEqualTo(new BriefingFigures(87, 84, 1_420, byBloc, 1_000_000, 700_000));
        assertThat(figures.classes()).isEqualTo(1_418);
        assertThat(figures.learnerTurns()).isEqualTo(230_516);
    }

    @Test
    void aBlocOrContestTheReportLeavesOutCountsZero() throws Exception {
        JsonNode report = ServiceClient.JSON.readTree(
                "{\"tasks\": {\"due\": 1, \"completed\": 0}, \"documents\": {\"issued\": 2},"
                        + " \"training\": {\"byBloc\": {\"STATE\": {\"classes\": 1, \"learnerTurns\": 30}}}}");

        BriefingFigures figures = DatasetCheck.reported(report, CONTEST_ID);

        assertThat(figures.classesByBloc().get(Bloc.PARTY)).isEqualTo(new BriefingFigures.ClassCount(0, 0));
        assertThat(figures.classesByBloc().get(Bloc.STATE)).isEqualTo(new BriefingFigures.ClassCount(1, 30));
        assertThat(figures.contestEntries()).isZero();
        assertThat(figures.contestParticipants()).isZero();
    }

    @Test
    void aPlansClassesAreTheSumOfItsLinesAndAMissingPlanIsMinusOne() throws Exception {
        JsonNode report = ServiceClient.JSON.readTree(REPORT);

        assertThat(DatasetCheck.plannedClasses(report, "HN-HOANKIEM")).isEqualTo(97);
        assertThat(DatasetCheck.plannedClasses(report, "HN-QUOCOAI")).isEqualTo(-1);
    }

    @Test
    void waitingReadsAgainUntilTheExpectedFiguresAreSeenAndGivesUpAtTheLimit() throws Exception {
        BriefingFigures expected = DatasetCheck.reported(ServiceClient.JSON.readTree(REPORT), CONTEST_ID);
        BriefingFigures behind = new BriefingFigures(87, 83, 1_420, expected.classesByBloc(), 1_000_000, 700_000);
        AtomicInteger reads = new AtomicInteger();

        BriefingFigures caughtUp = DatasetCheck.await(
                () -> reads.incrementAndGet() < 3 ? behind : expected, expected, Duration.ofMinutes(1));
        BriefingFigures stuck = DatasetCheck.await(() -> behind, expected, Duration.ZERO);

        assertThat(caughtUp).isEqualTo(expected);
        assertThat(reads).hasValue(3);
        assertThat(stuck).isEqualTo(behind);
    }
}
