package org.giaoban.training.trainingclass.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Refusals.invalidField;
import static org.giaoban.platform.testing.Refusals.ruleViolation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.identity.Caller;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.axon.CommandCallerResolverFactory;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.enrolment.EnrolLearnersCommand;
import org.giaoban.training.api.enrolment.EnrolmentOutcome;
import org.giaoban.training.api.enrolment.EnrolmentOutcome.RefusedLearner;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.enrolment.WithdrawLearnerCommand;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.CancelTrainingClassCommand;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.training.api.trainingclass.OpenTrainingClassCommand;
import org.giaoban.training.api.trainingclass.TrainingClassCancelledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingClassTest {

    private static final UUID CLASS_ID = UUID.fromString("3b0e6c1a-8f2d-4e5b-9a7c-1d2e3f405162");
    private static final String TITLE = "Bồi dưỡng lý luận chính trị cho đảng viên mới";
    private static final LocalDate STARTS_ON = LocalDate.of(2022, 9, 12);
    private static final LocalDate ENDS_ON = LocalDate.of(2022, 9, 16);
    private static final String UNKNOWN_UNIT_REASON = "'HN-ATLANTIS' is not a known unit";
    private static final String INVALID_ID_REASON = "learnerId must be 1 to 64 letters, digits, '.', '_' or '-'";
    private static final String INVALID_NAME_REASON = "fullName must be 1 to 200 characters";

    private static final TrainingClassOpenedEvent OPENED = opened(5);
    private static final TrainingClassCancelledEvent CANCELLED =
            new TrainingClassCancelledEvent(CLASS_ID, "Trùng lịch hội nghị giao ban");

    private static final Learner HA = new Learner("079301000123", "Nguyễn Thị Hà", "HN-HOANKIEM");
    private static final Learner DUNG = new Learner("001085002345", "Trần Văn Dũng", "HN-LONGBIEN");
    private static final Learner LAN = new Learner("001190003456", "Lê Thị Lan", "HN-QUOCOAI");
    private static final Learner MINH = new Learner("001079004567", "Phạm Quang Minh", "HN-PHUCTHO");
    private static final Learner THU = new Learner("001092005678", "Đỗ Thị Thu", "HN-BADINH");
    private static final Learner HUNG = new Learner("001088006789", "Vũ Mạnh Hùng", "HN-SONTAY");
    private static final Learner YEN = new Learner("001095007890", "Hoàng Hải Yến", "HN");

    /** An officer of the district that organises the class, of another district, and of the city above both. */
    private static final Caller QUOC_OAI_OFFICER = TestCallers.officerOf("HN-QUOCOAI");

    private static final Caller HOAN_KIEM_OFFICER = TestCallers.officerOf("HN-HOANKIEM");
    private static final Caller CITY_OFFICER = TestCallers.officerOf("HN");

    private FixtureConfiguration<TrainingClass> fixture;
    private InMemoryRosters rosters;

    @BeforeEach
    void setUp() {
        rosters = new InMemoryRosters();
        fixture = new AggregateTestFixture<>(TrainingClass.class)
                .registerInjectableResource(UnitCatalogue.hanoi())
                .registerParameterResolverFactory(
                        new CommandCallerResolverFactory(new UnitWriteAccess(UnitCatalogue.hanoi())))
                .registerInjectableResource(rosters);
    }

    @Test
    void openingAClassForAKnownUnitRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, ENDS_ON, 5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED);
    }

    @Test
    void aClassMayHaveNoCapacityAndMayEndOnTheDayItStarts() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, STARTS_ON, null))
                .expectEvents(new TrainingClassOpenedEvent(
                        CLASS_ID, TITLE, "HN-QUOCOAI", Bloc.PARTY, ClassFormat.BLENDED, STARTS_ON, STARTS_ON, null));
    }

    @Test
    void cannotOpenAClassForAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(open("HN-ATLANTIS", STARTS_ON, ENDS_ON, 5))
                .expectNoEvents()
                .expectException(invalidField("organizerUnitId"))
                .expectExceptionMessage(UNKNOWN_UNIT_REASON);
    }

    @Test
    void cannotOpenAClassThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, STARTS_ON.minusDays(1), 5))
                .expectNoEvents()
                .expectException(invalidField("endsOn"))
                .expectExceptionMessage("may not be before startsOn");
    }

    @Test
    void cannotOpenAClassWithoutPlaces() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, ENDS_ON, 0))
                .expectNoEvents()
                .expectException(invalidField("capacity"))
                .expectExceptionMessage("must be at least 1");
    }

    @Test
    void cancellingAClassRecordsTheReason() {
        fixture.given(OPENED)
                .when(new CancelTrainingClassCommand(CLASS_ID, "Trùng lịch hội nghị giao ban", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CANCELLED);
    }

    @Test
    void cannotCancelAClassTwice() {
        fixture.given(OPENED, CANCELLED)
                .when(new CancelTrainingClassCommand(CLASS_ID, "Lần nữa", null))
                .expectNoEvents()
                .expectException(ruleViolation("class-cancelled"))
                .expectExceptionMessage("The class is cancelled; it cannot be cancelled again.");
    }

    @Test
    void enrollingAListAcceptsEachNewLearnerOnceAndRefusesEveryOtherRowByItsIndex() {
        rosters.put(CLASS_ID, HA, DUNG);
        Learner lanWithSpaces = new Learner(LAN.learnerId(), "  Lê Thị Lan \t", LAN.unitId());
        List<Learner> list = List.of(
                lanWithSpaces, // 0 accepted, name stripped
                MINH, // 1 accepted
                LAN, // 2 a repeat within the list
                HA, // 3 enrolled already
                new Learner("001070008901", "Ngô Văn Tú", "HN-ATLANTIS"), // 4 unknown unit
                new Learner("001070009012", "   ", "HN-HOANKIEM"), // 5 blank name
                THU, // 6 accepted: the fifth place
                HUNG, // 7 the class is full
                new Learner("a b", "Bùi Thị Mai", "HN-HOANKIEM"), // 8 not a learner id
                YEN); // 9 the class is full

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)))
                .when(new EnrolLearnersCommand(CLASS_ID, list))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new EnrolmentOutcome(
                        3,
                        2,
                        List.of(
                                new RefusedLearner(4, "001070008901", "unknown-unit", UNKNOWN_UNIT_REASON),
                                new RefusedLearner(5, "001070009012", "invalid-full-name", INVALID_NAME_REASON),
                                new RefusedLearner(
                                        7, HUNG.learnerId(), "class-full", "the class is full: all 5 places are taken"),
                                new RefusedLearner(8, "a b", "invalid-learner-id", INVALID_ID_REASON),
                                new RefusedLearner(
                                        9,
                                        YEN.learnerId(),
                                        "class-full",
                                        "the class is full: all 5 places are taken"))))
                .expectEvents(new LearnersEnrolledEvent(CLASS_ID, List.of(LAN, MINH, THU)));

        assertThat(rosters.enrolledIn(CLASS_ID))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        HA.learnerId(), HA.unitId(),
                        DUNG.learnerId(), DUNG.unitId(),
                        LAN.learnerId(), LAN.unitId(),
                        MINH.learnerId(), MINH.unitId(),
                        THU.learnerId(), THU.unitId()));
    }

    @Test
    void aLearnerIdLongerThanSixtyFourCharactersAndANameLongerThanTwoHundredAreRefused() {
        String longId = "0".repeat(65);
        fixture.given(OPENED)
                .when(new EnrolLearnersCommand(
                        CLASS_ID,
                        List.of(
                                new Learner(longId, "Nguyễn Văn An", "HN"),
                                new Learner("0".repeat(64), "ă".repeat(201), "HN"),
                                new Learner("0".repeat(64), " " + "ă".repeat(200) + " ", "HN"))))
                .expectResultMessagePayload(new EnrolmentOutcome(
                        1,
                        0,
                        List.of(
                                new RefusedLearner(0, longId, "invalid-learner-id", INVALID_ID_REASON),
                                new RefusedLearner(1, "0".repeat(64), "invalid-full-name", INVALID_NAME_REASON))))
                .expectEvents(new LearnersEnrolledEvent(
                        CLASS_ID, List.of(new Learner("0".repeat(64), "ă".repeat(200), "HN"))));
    }

    @Test
    void aListOfWhichEveryRowIsRefusedRecordsNothing() {
        rosters.put(CLASS_ID, HA);

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(HA)))
                .when(new EnrolLearnersCommand(
                        CLASS_ID, List.of(HA, new Learner(DUNG.learnerId(), DUNG.fullName(), "HN-ATLANTIS"), HA)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new EnrolmentOutcome(
                        0, 2, List.of(new RefusedLearner(1, DUNG.learnerId(), "unknown-unit", UNKNOWN_UNIT_REASON))))
                .expectNoEvents();

        assertThat(rosters.enrolledIn(CLASS_ID)).containsOnlyKeys(HA.learnerId());
    }

    @Test
    void aFullClassRefusesTheNextLearner() {
        fixture.given(opened(2), new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)))
                .when(new EnrolLearnersCommand(CLASS_ID, List.of(LAN)))
                .expectResultMessagePayload(new EnrolmentOutcome(
                        0,
                        0,
                        List.of(new RefusedLearner(
                                0, LAN.learnerId(), "class-full", "the class is full: all 2 places are taken"))))
                .expectNoEvents();
    }

    @Test
    void aWithdrawalFreesAPlace() {
        rosters.put(CLASS_ID, DUNG);

        fixture.given(
                        opened(2),
                        new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)),
                        new LearnerWithdrawnEvent(CLASS_ID, HA.learnerId(), HA.unitId()))
                .when(new EnrolLearnersCommand(CLASS_ID, List.of(LAN)))
                .expectResultMessagePayload(new EnrolmentOutcome(1, 0, List.of()))
                .expectEvents(new LearnersEnrolledEvent(CLASS_ID, List.of(LAN)));
    }

    @Test
    void aClassWithoutCapacityTakesEveryLearner() {
        List<Learner> many = IntStream.range(0, 1_000)
                .mapToObj(i -> new Learner("HK-" + i, "Học viên " + i, "HN-HOANKIEM"))
                .toList();

        fixture.given(opened(null))
                .when(new EnrolLearnersCommand(CLASS_ID, many))
                .expectResultMessagePayload(new EnrolmentOutcome(1_000, 0, List.of()))
                .expectEvents(new LearnersEnrolledEvent(CLASS_ID, many));
    }

    @Test
    void aCancelledClassTakesNoEnrolment() {
        fixture.given(OPENED, CANCELLED)
                .when(new EnrolLearnersCommand(CLASS_ID, List.of(HA)))
                .expectNoEvents()
                .expectException(ruleViolation("class-cancelled"))
                .expectExceptionMessage("The class is cancelled; it cannot take enrolments.");

        assertThat(rosters.enrolledIn(CLASS_ID)).isEmpty();
    }

    @Test
    void withdrawingAnEnrolledLearnerRecordsTheUnitTheyWereEnrolledFor() {
        rosters.put(CLASS_ID, HA, DUNG);

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)))
                .when(new WithdrawLearnerCommand(CLASS_ID, HA.learnerId()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LearnerWithdrawnEvent(CLASS_ID, HA.learnerId(), "HN-HOANKIEM"));

        assertThat(rosters.enrolledIn(CLASS_ID)).containsOnlyKeys(DUNG.learnerId());
    }

    @Test
    void cannotWithdrawALearnerWhoIsNotEnrolled() {
        rosters.put(CLASS_ID, DUNG);

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(DUNG)))
                .when(new WithdrawLearnerCommand(CLASS_ID, HA.learnerId()))
                .expectNoEvents()
                .expectException(ResourceNotFoundException.class)
                .expectExceptionMessage("No enrolment in this class has the id " + HA.learnerId());
    }

    @Test
    void cannotWithdrawFromACancelledClass() {
        rosters.put(CLASS_ID, HA);

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(HA)), CANCELLED)
                .when(new WithdrawLearnerCommand(CLASS_ID, HA.learnerId()))
                .expectNoEvents()
                .expectException(ruleViolation("class-cancelled"));

        assertThat(rosters.enrolledIn(CLASS_ID)).containsOnlyKeys(HA.learnerId());
    }

    @Test
    void anOfficerOpensAClassForTheirOwnDistrict() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, ENDS_ON, 5), CallerMetadata.of(QUOC_OAI_OFFICER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED);
    }

    @Test
    void anOfficerOfTheCityOpensAClassForADistrict() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, ENDS_ON, 5), CallerMetadata.of(CITY_OFFICER))
                .expectEvents(OPENED);
    }

    @Test
    void anOfficerCannotOpenAClassOrganisedByAnotherDistrict() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, ENDS_ON, 5), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aDistrictOfficerCannotOpenAClassOrganisedByTheCity() {
        fixture.givenNoPriorActivity()
                .when(open("HN", STARTS_ON, ENDS_ON, 5), CallerMetadata.of(QUOC_OAI_OFFICER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerNamingAnUnknownOrganiserIsToldTheUnitIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(open("HN-ATLANTIS", STARTS_ON, ENDS_ON, 5), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(invalidField("organizerUnitId"))
                .expectNoEvents();
    }

    @Test
    void aViewerCannotOpenAClass() {
        fixture.givenNoPriorActivity()
                .when(open("HN-QUOCOAI", STARTS_ON, ENDS_ON, 5), CallerMetadata.of(TestCallers.viewer()))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerOfTheOrganisersDistrictCancelsTheClass() {
        fixture.given(OPENED)
                .when(cancel(), CallerMetadata.of(QUOC_OAI_OFFICER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CANCELLED);
    }

    @Test
    void anOfficerOfTheCityCancelsADistrictsClass() {
        fixture.given(OPENED).when(cancel(), CallerMetadata.of(CITY_OFFICER)).expectEvents(CANCELLED);
    }

    @Test
    void anAdministratorCancelsAnyClass() {
        fixture.given(OPENED)
                .when(cancel(), CallerMetadata.of(TestCallers.ADMIN))
                .expectEvents(CANCELLED);
    }

    @Test
    void anOfficerOfAnotherDistrictCannotCancelTheClass() {
        fixture.given(OPENED)
                .when(cancel(), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(NotAllowedException.class)
                .expectExceptionMessage(
                        "officer-hn-hoankiem may not change what belongs to HN-QUOCOAI: an officer writes only for"
                                + " HN-HOANKIEM and the units under it")
                .expectNoEvents();
    }

    @Test
    void anOfficerOfAnotherDistrictIsRefusedBeforeLearningThatTheClassIsCancelled() {
        fixture.given(OPENED, CANCELLED)
                .when(cancel(), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerOfTheOrganisersDistrictEnrolsLearnersOfAnyUnit() {
        fixture.given(OPENED)
                .when(new EnrolLearnersCommand(CLASS_ID, List.of(HA, LAN)), CallerMetadata.of(QUOC_OAI_OFFICER))
                .expectResultMessagePayload(new EnrolmentOutcome(2, 0, List.of()))
                .expectEvents(new LearnersEnrolledEvent(CLASS_ID, List.of(HA, LAN)));
    }

    @Test
    void anOfficerOfAnotherDistrictCannotEnrolInTheClassEvenTheirOwnLearners() {
        fixture.given(OPENED)
                .when(new EnrolLearnersCommand(CLASS_ID, List.of(HA)), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();

        assertThat(rosters.enrolledIn(CLASS_ID)).isEmpty();
    }

    @Test
    void anOfficerOfAnotherDistrictCannotWithdrawALearner() {
        rosters.put(CLASS_ID, HA);

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(HA)))
                .when(new WithdrawLearnerCommand(CLASS_ID, HA.learnerId()), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();

        assertThat(rosters.enrolledIn(CLASS_ID)).containsOnlyKeys(HA.learnerId());
    }

    @Test
    void anOfficerOfAnotherDistrictIsRefusedBeforeLearningWhoIsEnrolled() {
        fixture.given(OPENED)
                .when(new WithdrawLearnerCommand(CLASS_ID, HA.learnerId()), CallerMetadata.of(HOAN_KIEM_OFFICER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerOfTheOrganisersDistrictWithdrawsALearner() {
        rosters.put(CLASS_ID, HA);

        fixture.given(OPENED, new LearnersEnrolledEvent(CLASS_ID, List.of(HA)))
                .when(new WithdrawLearnerCommand(CLASS_ID, HA.learnerId()), CallerMetadata.of(QUOC_OAI_OFFICER))
                .expectEvents(new LearnerWithdrawnEvent(CLASS_ID, HA.learnerId(), HA.unitId()));

        assertThat(rosters.enrolledIn(CLASS_ID)).isEmpty();
    }

    private static CancelTrainingClassCommand cancel() {
        return new CancelTrainingClassCommand(CLASS_ID, "Trùng lịch hội nghị giao ban", null);
    }

    private static TrainingClassOpenedEvent opened(Integer capacity) {
        return new TrainingClassOpenedEvent(
                CLASS_ID, TITLE, "HN-QUOCOAI", Bloc.PARTY, ClassFormat.BLENDED, STARTS_ON, ENDS_ON, capacity);
    }

    private static OpenTrainingClassCommand open(
            String organizerUnitId, LocalDate startsOn, LocalDate endsOn, Integer capacity) {
        return new OpenTrainingClassCommand(
                CLASS_ID, TITLE, organizerUnitId, Bloc.PARTY, ClassFormat.BLENDED, startsOn, endsOn, capacity);
    }

    /** The rosters as a map of class to learner to unit, as the {@code enrolment} table holds them. */
    private static final class InMemoryRosters implements ClassRosters {

        private final Map<UUID, Map<String, String>> byClass = new HashMap<>();

        void put(UUID classId, Learner... learners) {
            for (Learner learner : learners) {
                enrolledIn(classId).put(learner.learnerId(), learner.unitId());
            }
        }

        Map<String, String> enrolledIn(UUID classId) {
            return byClass.computeIfAbsent(classId, id -> new LinkedHashMap<>());
        }

        @Override
        public Set<String> alreadyEnrolled(UUID classId, Collection<String> learnerIds) {
            return learnerIds.stream().filter(enrolledIn(classId)::containsKey).collect(Collectors.toSet());
        }

        @Override
        public void enrol(UUID classId, List<Learner> learners) {
            for (Learner learner : learners) {
                if (enrolledIn(classId).putIfAbsent(learner.learnerId(), learner.unitId()) != null) {
                    throw new IllegalStateException(learner.learnerId() + " is enrolled already");
                }
            }
        }

        @Override
        public Optional<String> withdraw(UUID classId, String learnerId) {
            return Optional.ofNullable(enrolledIn(classId).remove(learnerId));
        }
    }
}
