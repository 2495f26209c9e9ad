package org.giaoban.training.plan.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.giaoban.platform.testing.InMemoryMongo;
import org.giaoban.training.api.plan.FindTrainingPlanQuery;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.giaoban.training.api.trainingclass.Bloc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingPlanProjectionTest {

    private static final List<PlanLine> HOAN_KIEM_2022 = List.of(
            new PlanLine("Khối Đảng và Đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
            new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31));
    private static final List<PlanLine> REVISED = List.of(
            new PlanLine("Khối Đảng và Đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 70),
            new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31),
            new PlanLine("Lớp khác", List.of(Bloc.OTHER), 0));
    private static final List<PlanLine> THIRD = List.of(new PlanLine("Tất cả các khối", List.of(Bloc.values()), 120));

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final TrainingPlanProjection projection =
            new TrainingPlanProjection(new TrainingPlanRepository(mongo.template()));

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aRecordedPlanIsShownWithItsVietnameseLinesAndItsTotalOfClasses() {
        projection.on(recorded("HN-HOANKIEM", 2022, HOAN_KIEM_2022), 0);

        assertThat(find("HN-HOANKIEM", 2022))
                .isEqualTo(new TrainingPlanView("HN-HOANKIEM", 2022, HOAN_KIEM_2022, 97, 0));
    }

    @Test
    void aLaterPlanReplacesTheOneBefore() {
        projection.on(recorded("HN-HOANKIEM", 2022, HOAN_KIEM_2022), 0);

        projection.on(recorded("HN-HOANKIEM", 2022, REVISED), 1);

        assertThat(find("HN-HOANKIEM", 2022)).isEqualTo(new TrainingPlanView("HN-HOANKIEM", 2022, REVISED, 101, 1));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        TrainingPlanRecordedEvent first = recorded("HN-HOANKIEM", 2022, HOAN_KIEM_2022);
        TrainingPlanRecordedEvent second = recorded("HN-HOANKIEM", 2022, REVISED);
        projection.on(first, 0);
        projection.on(second, 1);
        projection.on(recorded("HN-HOANKIEM", 2022, THIRD), 2);

        projection.on(first, 0);
        projection.on(second, 1);

        assertThat(find("HN-HOANKIEM", 2022)).isEqualTo(new TrainingPlanView("HN-HOANKIEM", 2022, THIRD, 120, 2));
    }

    @Test
    void eachUnitAndYearHasAPlanOfItsOwn() {
        projection.on(recorded("HN-HOANKIEM", 2022, HOAN_KIEM_2022), 0);
        projection.on(recorded("HN-HOANKIEM", 2023, REVISED), 0);
        projection.on(recorded("HN-LONGBIEN", 2022, THIRD), 0);

        assertThat(find("HN-HOANKIEM", 2022).totalClasses()).isEqualTo(97);
        assertThat(find("HN-HOANKIEM", 2023).totalClasses()).isEqualTo(101);
        assertThat(find("HN-LONGBIEN", 2022).totalClasses()).isEqualTo(120);
        assertThat(projection.handle(new FindTrainingPlanQuery("HN-LONGBIEN", 2023)))
                .isEmpty();
    }

    @Test
    void aResetEmptiesThePlansForTheReplay() {
        projection.on(recorded("HN-HOANKIEM", 2022, HOAN_KIEM_2022), 0);

        projection.onReset();

        assertThat(projection.handle(new FindTrainingPlanQuery("HN-HOANKIEM", 2022)))
                .isEmpty();
    }

    private TrainingPlanView find(String unitId, int year) {
        return projection.handle(new FindTrainingPlanQuery(unitId, year)).orElseThrow();
    }

    private static TrainingPlanRecordedEvent recorded(String unitId, int year, List<PlanLine> lines) {
        return new TrainingPlanRecordedEvent(unitId + "/" + year, unitId, year, lines);
    }
}
