package org.giaoban.training.plan.command;

import static org.giaoban.platform.testing.Refusals.invalidField;

import java.util.Arrays;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.axon.CommandCallerResolverFactory;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.RecordTrainingPlanCommand;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.units.UnitCatalogue;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingPlanTest {

    private static final String UNIT_ID = "HN-HOANKIEM";
    private static final String PLAN_ID = "HN-HOANKIEM/2022";

    /** Hoàn Kiếm's 2022 plan: 97 classes, 66 for the Party and mass-organisation blocs, 31 for the State. */
    private static final List<PlanLine> HOAN_KIEM_2022 = List.of(
            new PlanLine("Khối Đảng và Đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
            new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31));

    private static final List<PlanLine> REVISED = List.of(
            new PlanLine("Khối Đảng và Đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 70),
            new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31),
            new PlanLine("Lớp khác", List.of(Bloc.OTHER), 0));

    private static final TrainingPlanRecordedEvent RECORDED =
            new TrainingPlanRecordedEvent(PLAN_ID, UNIT_ID, 2022, HOAN_KIEM_2022);

    private FixtureConfiguration<TrainingPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrainingPlan.class)
                .registerInjectableResource(UnitCatalogue.hanoi())
                .registerParameterResolverFactory(
                        new CommandCallerResolverFactory(new UnitWriteAccess(UnitCatalogue.hanoi())));
    }

    @Test
    void recordingAUnitsPlanForAYearRecordsItAtVersionZero() {
        fixture.givenNoPriorActivity()
                .when(record(HOAN_KIEM_2022, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RECORDED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void recordingTheSamePlanAgainAppliesNothing() {
        fixture.given(RECORDED)
                .when(record(HOAN_KIEM_2022, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aSecondDifferentPlanReplacesTheFirst() {
        fixture.given(RECORDED)
                .when(record(REVISED, null))
                .expectEvents(new TrainingPlanRecordedEvent(PLAN_ID, UNIT_ID, 2022, REVISED))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aPlanReadAtItsCurrentVersionCanBeReplaced() {
        fixture.given(RECORDED, new TrainingPlanRecordedEvent(PLAN_ID, UNIT_ID, 2022, REVISED))
                .when(record(HOAN_KIEM_2022, 1L))
                .expectEvents(RECORDED)
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotReplaceAPlanChangedSinceTheVersionTheCallerRead() {
        fixture.given(RECORDED, new TrainingPlanRecordedEvent(PLAN_ID, UNIT_ID, 2022, REVISED))
                .when(record(HOAN_KIEM_2022, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void cannotReplaceAtAVersionAPlanThatWasNeverRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(HOAN_KIEM_2022, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void cannotRecordAPlanForAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(new RecordTrainingPlanCommand("HN-ATLANTIS/2022", "HN-ATLANTIS", 2022, HOAN_KIEM_2022, null))
                .expectNoEvents()
                .expectException(invalidField("unitId"))
                .expectExceptionMessage("'HN-ATLANTIS' is not a known unit");
    }

    @ParameterizedTest
    @ValueSource(ints = {1999, 2101, 0})
    void cannotRecordAPlanForAYearOutsideTwoThousandToTwentyOneHundred(int year) {
        fixture.givenNoPriorActivity()
                .when(new RecordTrainingPlanCommand(UNIT_ID + "/" + year, UNIT_ID, year, HOAN_KIEM_2022, null))
                .expectNoEvents()
                .expectException(invalidField("year"))
                .expectExceptionMessage("must be from 2000 to 2100");
    }

    @ParameterizedTest
    @ValueSource(ints = {2000, 2100})
    void plansForTheFirstAndLastYearsAreRecorded(int year) {
        fixture.givenNoPriorActivity()
                .when(new RecordTrainingPlanCommand(UNIT_ID + "/" + year, UNIT_ID, year, HOAN_KIEM_2022, null))
                .expectEvents(new TrainingPlanRecordedEvent(UNIT_ID + "/" + year, UNIT_ID, year, HOAN_KIEM_2022));
    }

    @Test
    void cannotRecordAPlanUnderTheIdOfAnotherUnitOrYear() {
        fixture.givenNoPriorActivity()
                .when(new RecordTrainingPlanCommand("HN-HOANKIEM/2023", UNIT_ID, 2022, HOAN_KIEM_2022, null))
                .expectNoEvents()
                .expectException(invalidField("planId"));
    }

    @Test
    void cannotRecordAPlanWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(), null))
                .expectNoEvents()
                .expectException(invalidField("lines"))
                .expectExceptionMessage("must have at least one line");
    }

    @Test
    void eachInvalidLineIsNamedWithWhatIsWrong() {
        List<PlanLine> lines = Arrays.asList(
                new PlanLine(" ", List.of(Bloc.PARTY), 5),
                new PlanLine("Đoàn thể", List.of(), 3),
                new PlanLine("Nhà nước", List.of(Bloc.STATE, Bloc.STATE), -1),
                null);

        fixture.givenNoPriorActivity()
                .when(record(lines, null))
                .expectNoEvents()
                .expectException(invalidRequest(
                        new FieldError("lines[0].label", "must not be blank"),
                        new FieldError("lines[1].blocs", "must name at least one bloc"),
                        new FieldError("lines[2].blocs", "names STATE twice"),
                        new FieldError("lines[2].classes", "must be 0 or more"),
                        new FieldError("lines[3]", "must not be null")));
    }

    @Test
    void aBlocMayNotBeInTwoLinesOfOnePlan() {
        List<PlanLine> lines = List.of(
                new PlanLine("Khối Đảng và Đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
                new PlanLine("Nhà nước và Đảng", List.of(Bloc.STATE, Bloc.PARTY), 31));

        fixture.givenNoPriorActivity()
                .when(record(lines, null))
                .expectNoEvents()
                .expectException(invalidRequest(new FieldError(
                        "lines[1].blocs",
                        "PARTY is already planned in lines[0]; a bloc belongs to one line of a plan")));
    }

    @Test
    void aPlanWithAnInvalidLineLeavesThePlanRecordedBeforeAsItWas() {
        fixture.given(RECORDED)
                .when(record(List.of(new PlanLine("Nhà nước", List.of(Bloc.STATE), -5)), null))
                .expectNoEvents()
                .expectException(InvalidRequestException.class);
    }

    @Test
    void anOfficerOfTheUnitRecordsItsPlan() {
        fixture.givenNoPriorActivity()
                .when(record(HOAN_KIEM_2022, null), CallerMetadata.of(TestCallers.officerOf(UNIT_ID)))
                .expectEvents(RECORDED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void anOfficerOfTheCityRecordsADistrictsPlan() {
        fixture.given(RECORDED)
                .when(record(REVISED, null), CallerMetadata.of(TestCallers.officerOf("HN")))
                .expectEvents(new TrainingPlanRecordedEvent(PLAN_ID, UNIT_ID, 2022, REVISED));
    }

    @Test
    void anOfficerCannotRecordThePlanOfAnotherUnit() {
        fixture.given(RECORDED)
                .when(record(REVISED, null), CallerMetadata.of(TestCallers.officerOf("HN-LONGBIEN")))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerOfAnotherUnitIsRefusedBeforeLearningThePlansVersion() {
        fixture.given(RECORDED, new TrainingPlanRecordedEvent(PLAN_ID, UNIT_ID, 2022, REVISED))
                .when(record(HOAN_KIEM_2022, 0L), CallerMetadata.of(TestCallers.officerOf("HN-LONGBIEN")))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerNamingAnUnknownUnitIsToldTheUnitIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(
                        new RecordTrainingPlanCommand("HN-ATLANTIS/2022", "HN-ATLANTIS", 2022, HOAN_KIEM_2022, null),
                        CallerMetadata.of(TestCallers.officerOf("HN-LONGBIEN")))
                .expectException(invalidField("unitId"))
                .expectNoEvents();
    }

    private static RecordTrainingPlanCommand record(List<PlanLine> lines, Long expectedVersion) {
        return new RecordTrainingPlanCommand(PLAN_ID, UNIT_ID, 2022, lines, expectedVersion);
    }

    /** An {@link InvalidRequestException} naming exactly these fields and messages, in this order. */
    private static Matcher<InvalidRequestException> invalidRequest(FieldError... errors) {
        List<FieldError> expected = List.of(errors);
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidRequestException invalid, Description mismatch) {
                mismatch.appendText("an invalid request with ").appendValue(invalid.errors());
                return expected.equals(invalid.errors());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invalid request with ").appendValue(expected);
            }
        };
    }
}
