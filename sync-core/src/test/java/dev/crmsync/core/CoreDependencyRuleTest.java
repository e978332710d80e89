package dev.crmsync.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core never learns that Spring, JDBC, HTTP clients or any adapter exist. */
@AnalyzeClasses(packages = "dev.crmsync.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreDependencyRuleTest {

    @ArchTest
    static final ArchRule coreUsesNoFrameworkDatabaseOrHttp = noClasses()
            .that().resideInAPackage("dev.crmsync.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "java.net.http..", "com.sun.net.httpserver..")
            .because("sync-core is pure engine: the host owns frameworks, databases and HTTP");

    @ArchTest
    static final ArchRule coreNamesNoOtherModule = noClasses()
            .that().resideInAPackage("dev.crmsync.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.crmsync.adapter..", "dev.crmsync.service..", "dev.crmsync.mappings..", "dev.crmsync.testkit..")
            .because("lower layers never see upper ones");
}
