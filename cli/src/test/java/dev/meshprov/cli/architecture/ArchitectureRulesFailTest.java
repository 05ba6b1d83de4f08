package dev.meshprov.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule is trusted only after it is seen to fail: the test sources hold classes that break each
 * rule on purpose (packages {@code *.archviolation}), and every rule must report them.
 */
class ArchitectureRulesFailTest {

    private static JavaClasses violations;

    @BeforeAll
    static void importDeliberateViolations() {
        violations = new ClassFileImporter()
                .importPackages(
                        "dev.meshprov.core.archviolation",
                        "dev.meshprov.core.mwaa.archviolation",
                        "dev.meshprov.core.airbyte.archviolation",
                        "dev.meshprov.http.archviolation",
                        "dev.meshprov.archviolation");
    }

    static Stream<Arguments> rulesAndTheirViolation() {
        return Stream.of(
                Arguments.of(ArchitectureRules.CORE_IS_PURE, "ImpureCore"),
                Arguments.of(ArchitectureRules.TECHNOLOGIES_ARE_INDEPENDENT, "MwaaUsesAirbyte"),
                Arguments.of(ArchitectureRules.ENTRY_POINTS_KNOW_NO_TECHNOLOGY, "HttpKnowsTechnology"),
                Arguments.of(ArchitectureRules.FEIGN_ONLY_IN_HTTP_ADAPTERS, "ImpureCore.feign"),
                Arguments.of(ArchitectureRules.AWS_SDK_ONLY_IN_S3_ADAPTERS, "ImpureCore.s3"),
                Arguments.of(ArchitectureRules.JAVALIN_ONLY_IN_HTTP_API, "ImpureCore.javalin"),
                Arguments.of(ArchitectureRules.PICOCLI_ONLY_IN_CLI, "HttpKnowsTechnology.picocli"),
                Arguments.of(ArchitectureRules.NO_PACKAGE_CYCLES, "cycle"),
                Arguments.of(ArchitectureRules.NO_CONSOLE_OUTSIDE_CLI, "System.out"),
                Arguments.of(ArchitectureRules.CORE_TAKES_A_CLOCK, "Instant.now()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirViolation")
    void failsOnItsDeliberateViolation(ArchRule rule, String expectedInReport) {
        EvaluationResult result = rule.evaluate(violations);

        assertThat(result.hasViolation())
                .as("%s must fail on its deliberate violation", rule)
                .isTrue();
        assertThat(result.getFailureReport().toString()).contains(expectedInReport);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirViolation")
    void everyRuleHasADeliberateViolation(ArchRule rule, String ignored) {
        assertThat(ArchitectureRules.ALL).contains(rule);
    }
}
