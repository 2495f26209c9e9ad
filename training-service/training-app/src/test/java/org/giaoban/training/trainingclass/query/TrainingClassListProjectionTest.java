package org.giaoban.training.trainingclass.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.giaoban.platform.testing.InMemoryMongo;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.training.api.trainingclass.ClassStatus;
import org.giaoban.training.api.trainingclass.FindTrainingClassQuery;
import org.giaoban.training.api.trainingclass.FindTrainingClassesQuery;
import org.giaoban.training.api.trainingclass.TrainingClassCancelledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;
import org.giaoban.training.api.trainingclass.TrainingClassPageView;
import org.giaoban.training.api.trainingclass.TrainingClassView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingClassListProjectionTest {

    private static final UUID CLASS = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID THIRD = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final LocalDate STARTS_ON = LocalDate.of(2022, 9, 12);
    private static final String TITLE = "Bồi dưỡng lý luận chính trị cho đảng viên mới";

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final TrainingClassListRepository repository = new TrainingClassListRepository(mongo.template());
    private final TrainingClassListProjection projection = new TrainingClassListProjection(repository);

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void anOpenedClassIsListedOpenWithNoLearners() {
        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);

        assertThat(find(CLASS))
                .isEqualTo(new TrainingClassView(
                        CLASS,
                        TITLE,
                        "HN-QUOCOAI",
                        Bloc.PARTY,
                        ClassFormat.BLENDED,
                        STARTS_ON,
                        STARTS_ON.plusDays(4),
                        120,
                        0,
                        ClassStatus.OPEN,
                        0));
    }

    @Test
    void aClassWithoutCapacityKeepsNone() {
        projection.on(
                new TrainingClassOpenedEvent(
                        CLASS, TITLE, "HN", Bloc.OTHER, ClassFormat.ONLINE, STARTS_ON, STARTS_ON, null),
                0);

        assertThat(find(CLASS).capacity()).isNull();
    }

    @Test
    void enrolmentListsAddUpAndAWithdrawalSubtracts() {
        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(enrolled(CLASS, 0, 3), 1);
        projection.on(enrolled(CLASS, 3, 1_500), 2);
        assertThat(find(CLASS).enrolled()).isEqualTo(1_503);
        assertThat(find(CLASS).version()).isEqualTo(2);

        projection.on(new LearnerWithdrawnEvent(CLASS, "HV-000001", "HN-HOANKIEM"), 3);

        TrainingClassView afterWithdrawal = find(CLASS);
        assertThat(afterWithdrawal.enrolled()).isEqualTo(1_502);
        assertThat(afterWithdrawal.version()).isEqualTo(3);
    }

    @Test
    void eachClassCountsOnlyItsOwnLearners() {
        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(opened(OTHER, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(enrolled(CLASS, 0, 2), 1);
        projection.on(enrolled(OTHER, 0, 5), 1);

        assertThat(find(CLASS).enrolled()).isEqualTo(2);
        assertThat(find(OTHER).enrolled()).isEqualTo(5);
    }

    @Test
    void aCancelledClassIsMarkedAndKeepsItsCount() {
        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(enrolled(CLASS, 0, 4), 1);

        projection.on(new TrainingClassCancelledEvent(CLASS, "Trùng lịch giao ban"), 2);

        TrainingClassView cancelled = find(CLASS);
        assertThat(cancelled.status()).isEqualTo(ClassStatus.CANCELLED);
        assertThat(cancelled.enrolled()).isEqualTo(4);
        assertThat(cancelled.version()).isEqualTo(2);
    }

    @Test
    void anEnrolmentDeliveredAgainIsNotCountedTwice() {
        TrainingClassOpenedEvent opened = opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON);
        LearnersEnrolledEvent first = enrolled(CLASS, 0, 3);
        LearnersEnrolledEvent second = enrolled(CLASS, 3, 2);
        projection.on(opened, 0);
        projection.on(first, 1);
        projection.on(second, 2);

        projection.on(opened, 0);
        projection.on(first, 1);
        projection.on(second, 2);

        TrainingClassView view = find(CLASS);
        assertThat(view.enrolled()).isEqualTo(5);
        assertThat(view.version()).isEqualTo(2);
        assertThat(list(query(null, null, null, null)).total()).isEqualTo(1);
    }

    @Test
    void anOpeningDeliveredAgainKeepsTheCountAndTheStatus() {
        TrainingClassOpenedEvent opened = opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON);
        projection.on(opened, 0);
        projection.on(enrolled(CLASS, 0, 3), 1);
        projection.on(new TrainingClassCancelledEvent(CLASS, "Trùng lịch"), 2);

        projection.on(opened, 0);

        TrainingClassView view = find(CLASS);
        assertThat(view.enrolled()).isEqualTo(3);
        assertThat(view.status()).isEqualTo(ClassStatus.CANCELLED);
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void aWithdrawalAndACancellationDeliveredAgainChangeNothing() {
        LearnerWithdrawnEvent withdrawn = new LearnerWithdrawnEvent(CLASS, "HV-000000", "HN-HOANKIEM");
        TrainingClassCancelledEvent cancelled = new TrainingClassCancelledEvent(CLASS, "Trùng lịch");
        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(enrolled(CLASS, 0, 3), 1);
        projection.on(withdrawn, 2);
        projection.on(cancelled, 3);

        projection.on(withdrawn, 2);
        projection.on(cancelled, 3);

        assertThat(find(CLASS).enrolled()).isEqualTo(2);
        assertThat(find(CLASS).version()).isEqualTo(3);
    }

    @Test
    void theListFiltersByUnitsBlocAndStartDatesAndPagesByStartDate() {
        projection.on(opened(CLASS, "HN-HOANKIEM", Bloc.PARTY, LocalDate.of(2022, 3, 1)), 0);
        projection.on(opened(OTHER, "HN-LONGBIEN", Bloc.STATE, LocalDate.of(2022, 9, 8)), 0);
        projection.on(opened(THIRD, "HN-QUOCOAI", Bloc.STATE, LocalDate.of(2022, 9, 9)), 0);

        assertThat(ids(list(query(Set.of("HN-HOANKIEM", "HN-LONGBIEN"), null, null, null))))
                .containsExactly(CLASS, OTHER);
        assertThat(ids(list(query(Set.of("HN-PHUCTHO"), null, null, null)))).isEmpty();
        assertThat(ids(list(query(null, Bloc.STATE, null, null)))).containsExactly(OTHER, THIRD);
        assertThat(ids(list(query(null, null, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 9, 8)))))
                .containsExactly(CLASS, OTHER);
        assertThat(ids(list(query(null, null, LocalDate.of(2022, 9, 8), null)))).containsExactly(OTHER, THIRD);
        assertThat(ids(list(query(null, null, null, LocalDate.of(2022, 2, 28)))))
                .isEmpty();
        assertThat(ids(list(query(Set.of("HN-QUOCOAI", "HN-LONGBIEN"), Bloc.STATE, null, LocalDate.of(2022, 9, 8)))))
                .containsExactly(OTHER);
        assertThat(ids(list(query(null, null, null, null)))).containsExactly(CLASS, OTHER, THIRD);

        TrainingClassPageView secondPage = list(new FindTrainingClassesQuery(null, null, null, null, 1, 2));
        assertThat(ids(secondPage)).containsExactly(THIRD);
        assertThat(secondPage.page()).isEqualTo(1);
        assertThat(secondPage.size()).isEqualTo(2);
        assertThat(secondPage.total()).isEqualTo(3);

        TrainingClassPageView stateFirstPage = list(new FindTrainingClassesQuery(null, Bloc.STATE, null, null, 0, 1));
        assertThat(ids(stateFirstPage)).containsExactly(OTHER);
        assertThat(stateFirstPage.total()).isEqualTo(2);
    }

    @Test
    void classesStartingOnTheSameDayAreListedInAStableOrder() {
        projection.on(opened(THIRD, "HN", Bloc.PARTY, STARTS_ON), 0);
        projection.on(opened(CLASS, "HN", Bloc.PARTY, STARTS_ON), 0);
        projection.on(opened(OTHER, "HN", Bloc.PARTY, STARTS_ON), 0);

        assertThat(ids(list(new FindTrainingClassesQuery(null, null, null, null, 0, 2))))
                .containsExactly(CLASS, OTHER);
        assertThat(ids(list(new FindTrainingClassesQuery(null, null, null, null, 1, 2))))
                .containsExactly(THIRD);
    }

    @Test
    void anUnknownClassIsNotFound() {
        assertThat(projection.handle(new FindTrainingClassQuery(CLASS))).isEmpty();
    }

    @Test
    void aResetEmptiesTheListForTheReplay() {
        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(enrolled(CLASS, 0, 3), 1);

        projection.onReset();

        assertThat(projection.handle(new FindTrainingClassQuery(CLASS))).isEmpty();
        assertThat(list(query(null, null, null, null)).total()).isZero();

        projection.on(opened(CLASS, "HN-QUOCOAI", Bloc.PARTY, STARTS_ON), 0);
        projection.on(enrolled(CLASS, 0, 3), 1);
        assertThat(find(CLASS).enrolled()).isEqualTo(3);
    }

    private TrainingClassView find(UUID classId) {
        return projection.handle(new FindTrainingClassQuery(classId)).orElseThrow();
    }

    private TrainingClassPageView list(FindTrainingClassesQuery query) {
        return projection.handle(query);
    }

    private static FindTrainingClassesQuery query(
            Set<String> organizerUnitIds, Bloc bloc, LocalDate startsFrom, LocalDate startsTo) {
        return new FindTrainingClassesQuery(organizerUnitIds, bloc, startsFrom, startsTo, 0, 50);
    }

    private static List<UUID> ids(TrainingClassPageView page) {
        return page.items().stream().map(TrainingClassView::classId).toList();
    }

    private static TrainingClassOpenedEvent opened(
            UUID classId, String organizerUnitId, Bloc bloc, LocalDate startsOn) {
        return new TrainingClassOpenedEvent(
                classId, TITLE, organizerUnitId, bloc, ClassFormat.BLENDED, startsOn, startsOn.plusDays(4), 120);
    }

    private static LearnersEnrolledEvent enrolled(UUID classId, int from, int count) {
        return new LearnersEnrolledEvent(
                classId,
                IntStream.range(from, from + count)
                        .mapToObj(i -> new Learner(String.format("HV-%06d", i), "Học viên " + i, "HN-HOANKIEM"))
                        .toList());
    }
}
