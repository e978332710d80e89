package dev.crmsync.service.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.crmsync.core.config.Secret;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

/**
 * Secrets are compared in constant time: the one comparison in {@link Secret} and every signature
 * check go through {@link MessageDigest#isEqual}, and no code that reads a secret's clear value
 * compares it with an early-exit equals. A new verifier that slips in {@code String.equals} fails here.
 */
@AnalyzeClasses(packages = "dev.crmsync", importOptions = ImportOption.DoNotIncludeTests.class)
class SecretComparisonRuleTest {
    private static final Set<String> EARLY_EXIT_COMPARISONS = Set.of("equals", "equalsIgnoreCase", "contentEquals",
            "compareTo", "compareToIgnoreCase");

    @ArchTest
    static final ArchRule secretComparesInConstantTime = methods()
            .that().areDeclaredIn(Secret.class).and().haveName("matches").or().haveName("equals")
            .and().areDeclaredIn(Secret.class)
            .should(callMessageDigestIsEqual());

    @ArchTest
    static final ArchRule signaturesCompareInConstantTime = classes()
            .that().resideInAPackage("dev.crmsync.adapter..").and().haveSimpleNameEndingWith("Signature")
            .should(callMessageDigestIsEqualAndNoEarlyExitComparison())
            .because("a signature compared with String.equals leaks, by its timing, how many leading bytes matched");

    @ArchTest
    static final ArchRule codeReadingASecretDoesNotCompareItWithEquals = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.crmsync..")
            .should(notCompareAfterRevealingASecret())
            .because("secrets are compared with Secret.matches, in constant time");

    private static ArchCondition<JavaMethod> callMessageDigestIsEqual() {
        return new ArchCondition<>("compare with MessageDigest.isEqual") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean constantTime = method.getMethodCallsFromSelf().stream().anyMatch(SecretComparisonRuleTest::isDigestEqual);
                events.add(new SimpleConditionEvent(method, constantTime,
                        method.getFullName() + (constantTime ? " uses" : " does not use") + " MessageDigest.isEqual"));
            }
        };
    }

    private static ArchCondition<JavaClass> callMessageDigestIsEqualAndNoEarlyExitComparison() {
        return new ArchCondition<>("compare with MessageDigest.isEqual and never with equals") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean constantTime = type.getMethodCallsFromSelf().stream().anyMatch(SecretComparisonRuleTest::isDigestEqual);
                events.add(new SimpleConditionEvent(type, constantTime, type.getName()
                        + (constantTime ? " uses" : " does not use") + " MessageDigest.isEqual"));
                type.getMethodCallsFromSelf().stream().filter(SecretComparisonRuleTest::isEarlyExitComparison)
                        .forEach(call -> events.add(SimpleConditionEvent.violated(type, call.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaMethod> notCompareAfterRevealingASecret() {
        return new ArchCondition<>("not compare strings or arrays with equals when it reads a secret's clear value") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean reveals = method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Secret.class)
                                && Set.of("reveal", "bytes").contains(call.getName()));
                if (!reveals || method.getOwner().isEquivalentTo(Secret.class)) {
                    return;
                }
                method.getMethodCallsFromSelf().stream().filter(SecretComparisonRuleTest::isEarlyExitComparison)
                        .forEach(call -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " reads a secret and calls " + call.getDescription())));
            }
        };
    }

    private static boolean isDigestEqual(JavaCall<?> call) {
        return call.getTargetOwner().isEquivalentTo(MessageDigest.class) && call.getName().equals("isEqual");
    }

    private static boolean isEarlyExitComparison(JavaCall<?> call) {
        boolean onText = call.getTargetOwner().isEquivalentTo(String.class)
                && EARLY_EXIT_COMPARISONS.contains(call.getName());
        boolean onArrays = call.getTargetOwner().isEquivalentTo(Arrays.class) && call.getName().equals("equals");
        return onText || onArrays;
    }
}
