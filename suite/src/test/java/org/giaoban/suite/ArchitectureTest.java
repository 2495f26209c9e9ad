package org.giaoban.suite;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;

import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.mongo.VersionedRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoOperations;

/** The module and package rules of STYLE.md, checked on the compiled classes of every service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.giaoban");

    private static final Pattern MONGO_WRITES = Pattern.compile(
            "insert.*|save|update.*|upsert|replace.*|bulk.*|findAndModify|findAndReplace|.*[rR]emove|delete.*");
    private static final DescribedPredicate<JavaMethodCall> A_WRITE_TO_MONGO_DB = DescribedPredicate.describe(
            "a write to MongoDB",
            call -> (call.getTargetOwner().isAssignableTo(MongoOperations.class)
                            || call.getTargetOwner().isAssignableTo(MongoCollection.class))
                    && MONGO_WRITES.matcher(call.getName()).matches());

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training"})
    void theApiKnowsNothingOfSpringNorOfTheApp(String service) {
        noClasses()
                .that()
                .resideInAPackage(api(service))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", command(service), query(service), web(service))
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training"})
    void theCommandSideDoesNotSeeQueriesOrTheWeb(String service) {
        noClasses()
                .that()
                .resideInAPackage(command(service))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(query(service), web(service))
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training", "reporting"})
    void readModelsDoNotSeeTheCommandSideOrTheWeb(String service) {
        noClasses()
                .that()
                .resideInAPackage(query(service))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(command(service), web(service))
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training"})
    void theWebSendsMessagesAndNeverTouchesAggregatesOrReadModels(String service) {
        noClasses()
                .that()
                .resideInAPackage(web(service))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(command(service), query(service))
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training", "reporting"})
    void aServiceSeesOnlyItselfThePlatformTheUnitsAndOtherServicesApis(String service) {
        classes()
                .that()
                .resideInAPackage("org.giaoban." + service + "..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.giaoban..")
                        .or(resideInAnyPackage(
                                "org.giaoban." + service + "..",
                                "org.giaoban.platform..",
                                "org.giaoban.units..",
                                "org.giaoban.*.api..")))
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training"})
    void readModelsWriteToMongoDbOnlyByTheVersionedRuleOfThePlatform(String service) {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban." + service + "..")
                .should()
                .callMethodWhere(A_WRITE_TO_MONGO_DB)
                .because("an event delivered twice must change nothing, which "
                        + VersionedRepository.class.getSimpleName() + " guarantees in one place")
                .check(CLASSES);
    }

    @Test
    void commandHandlersTakeTheCallerFromThePlatformAndNeverReadItFromTheMetadata() {
        noCodeUnits()
                .that()
                .areAnnotatedWith(CommandHandler.class)
                .should()
                .haveRawParameterTypes(DescribedPredicate.describe(
                        "a parameter of type MetaData",
                        (List<JavaClass> types) ->
                                types.stream().anyMatch(type -> type.isEquivalentTo(MetaData.class))))
                .because("the platform resolves the caller once, as a " + CommandCaller.class.getSimpleName())
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.giaoban.platform..")
                .should()
                .callMethod(CallerMetadata.class, "from", Map.class)
                .check(CLASSES);
    }

    @Test
    void theRebuildsOfReportingKnowNoReadModelInParticular() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.reporting.projection..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.giaoban.reporting.briefing..")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training"})
    void everyEventIsARecordWithARevision(String service) {
        classes()
                .that()
                .resideInAPackage(api(service))
                .and()
                .haveSimpleNameEndingWith("Event")
                .should()
                .beRecords()
                .andShould()
                .beAnnotatedWith(Revision.class)
                .check(CLASSES);
    }

    /**
     * Ids of all aggregates of a service share one event store, so a command may name the id of another kind of
     * record (a document's id in a request to complete a work item). An aggregate that reads only its own type's events
     * finds no such record (404) instead of playing another type's history into itself and failing (500).
     */
    @Test
    void everyAggregateReadsOnlyTheEventsOfItsOwnType() {
        classes()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should(new ArchCondition<JavaClass>("read only the events of their own type") {
                    @Override
                    public void check(JavaClass aggregate, ConditionEvents events) {
                        boolean filters =
                                aggregate.getAnnotationOfType(Aggregate.class).filterEventsByType();
                        events.add(new SimpleConditionEvent(
                                aggregate,
                                filters,
                                aggregate.getName() + (filters ? " sets" : " does not set")
                                        + " @Aggregate(filterEventsByType = true)"));
                    }
                })
                .check(CLASSES);
    }

    @Test
    void reportingHasNoAggregatesAndSendsNoCommands() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.reporting..")
                .should()
                .beAnnotatedWith(Aggregate.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.axonframework.commandhandling..", "org.giaoban..command..")
                .check(CLASSES);
    }

    @Test
    void theGatewayKnowsOnlyTheUnitsAndTheIdentityContractOfTheSuite() {
        classes()
                .that()
                .resideInAPackage("org.giaoban.gateway..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.giaoban..")
                        .or(resideInAnyPackage(
                                "org.giaoban.gateway..", "org.giaoban.units..", "org.giaoban.identity..")))
                .check(CLASSES);
    }

    @Test
    void thePlatformTheUnitsAndTheIdentityContractKnowNoService() {
        noClasses()
                .that()
                .resideInAnyPackage("org.giaoban.platform..", "org.giaoban.units..", "org.giaoban.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.giaoban.tasks..",
                        "org.giaoban.training..",
                        "org.giaoban.reporting..",
                        "org.giaoban.gateway..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage("org.giaoban.units..", "org.giaoban.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.giaoban.platform..")
                .check(CLASSES);
    }

    private static String api(String service) {
        return "org.giaoban." + service + ".api..";
    }

    private static String command(String service) {
        return "org.giaoban." + service + "..command..";
    }

    private static String query(String service) {
        return "org.giaoban." + service + "..query..";
    }

    private static String web(String service) {
        return "org.giaoban." + service + "..web..";
    }
}
