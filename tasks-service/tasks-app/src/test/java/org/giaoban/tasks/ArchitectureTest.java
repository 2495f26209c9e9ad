package org.giaoban.tasks;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The module and package rules of STYLE.md, checked on the compiled classes of tasks-service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.giaoban");

    @Test
    void theApiKnowsNothingOfSpring() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.tasks.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theApiDoesNotSeeTheApp() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.tasks.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.giaoban.tasks..command..", "org.giaoban.tasks..query..", "org.giaoban.tasks..web..")
                .check(CLASSES);
    }

    @Test
    void theCommandSideDoesNotSeeQueriesOrTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.tasks..command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.giaoban.tasks..query..", "org.giaoban.tasks..web..")
                .check(CLASSES);
    }

    @Test
    void readModelsDoNotSeeTheCommandSideOrTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.tasks..query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.giaoban.tasks..command..", "org.giaoban.tasks..web..")
                .check(CLASSES);
    }

    @Test
    void theWebSendsMessagesAndNeverTouchesAggregatesOrStores() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.tasks..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.giaoban.tasks..command..", "org.giaoban.tasks..query..")
                .check(CLASSES);
    }

    @Test
    void tasksServiceSeesNoOtherService() {
        classes()
                .that()
                .resideInAPackage("org.giaoban.tasks..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.giaoban..")
                        .or(resideInAnyPackage("org.giaoban.tasks..", "org.giaoban.platform..", "org.giaoban.units..")))
                .check(CLASSES);
    }

    @Test
    void thePlatformKnowsNoDomain() {
        noClasses()
                .that()
                .resideInAPackage("org.giaoban.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.giaoban.tasks..", "org.giaoban.units..")
                .check(CLASSES);
    }

    @Test
    void everyEventIsARecordWithARevision() {
        classes()
                .that()
                .resideInAPackage("org.giaoban.tasks.api..")
                .and()
                .haveSimpleNameEndingWith("Event")
                .should()
                .beRecords()
                .andShould()
                .beAnnotatedWith(Revision.class)
                .check(CLASSES);
    }
}
