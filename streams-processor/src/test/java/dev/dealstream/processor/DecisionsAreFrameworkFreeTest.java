package dev.dealstream.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Business decisions stay plain Java: only the wiring around them may know Kafka or Spring. */
class DecisionsAreFrameworkFreeTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dealstream.processor");

    @Test
    void decisionClassesDependOnNeitherKafkaNorSpring() {
        noClasses().that().resideOutsideOfPackage("dev.dealstream.processor.support..")
                .and().resideOutsideOfPackage("dev.dealstream.processor")
                .and().haveSimpleNameNotEndingWith("Processor")
                .and().haveSimpleNameNotEndingWith("Topology")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Properties")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..")
                .check(classes);
    }
}
