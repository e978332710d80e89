package dev.crmsync.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service hosts plugins without naming them: adapters and simulators are found through ServiceLoader only. */
@AnalyzeClasses(packages = "dev.crmsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceDependencyRuleTest {

    @ArchTest
    static final ArchRule serviceNamesNoAdapterOrSimulator = noClasses()
            .that().resideInAPackage("dev.crmsync.service..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.crmsync.adapter..", "dev.crmsync.testkit..")
            .because("adapters are plugins, discovered with java.util.ServiceLoader");

    @ArchTest
    static final ArchRule adaptersUseOnlyTheCore = noClasses()
            .that().resideInAPackage("dev.crmsync.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.crmsync.service..",
                    "dev.crmsync.mappings..", "dev.crmsync.testkit..")
            .because("adapters depend only on sync-core");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("dev.crmsync.adapter.hubspot..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.crmsync.adapter.instantly..")
            .because("each adapter stands alone");
}
