package dev.meshprov.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dependency rules of docs/architecture.md, as ArchUnit rules. */
final class ArchitectureRules {

    private ArchitectureRules() {}

    static final ArchRule CORE_IS_PURE = classes()
            .that()
            .resideInAPackage("dev.meshprov.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.meshprov.core..",
                    "java..",
                    "javax.crypto..",
                    "com.fasterxml.jackson..",
                    "io.vavr..",
                    "org.yaml.snakeyaml..",
                    "org.jspecify..",
                    "com.cronutils..")
            .as("core depends only on the JDK, Jackson, SnakeYAML, Vavr and cron-utils");

    static final ArchRule TECHNOLOGIES_ARE_INDEPENDENT = slices().assignedFrom(new TechnologySlices())
            .should()
            .notDependOnEachOther()
            .allowEmptyShould(true)
            .as("technologies (core rules and adapters) do not depend on each other");

    static final ArchRule ENTRY_POINTS_KNOW_NO_TECHNOLOGY = noClasses()
            .that()
            .resideInAnyPackage("dev.meshprov.http..", "dev.meshprov.cli..", "dev.meshprov.core.service..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TechnologySlices.PACKAGES)
            .as("the HTTP API, the CLI and the use cases know no technology (adding one needs nothing there)");

    static final ArchRule FEIGN_ONLY_IN_HTTP_ADAPTERS = noClasses()
            .that()
            .resideOutsideOfPackages("dev.meshprov.airbyte..", "dev.meshprov.cde..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("feign..")
            .as("Feign is used only by the Airbyte and CDE adapters");

    static final ArchRule AWS_SDK_ONLY_IN_S3_ADAPTERS = noClasses()
            .that()
            .resideOutsideOfPackages("dev.meshprov.mwaa..", "dev.meshprov.cde..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..")
            .as("the AWS SDK is used only by the MWAA and CDE adapters");

    static final ArchRule JAVALIN_ONLY_IN_HTTP_API = noClasses()
            .that()
            .resideOutsideOfPackage("dev.meshprov.http..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.javalin..")
            .as("Javalin is used only by the HTTP API");

    static final ArchRule PICOCLI_ONLY_IN_CLI = noClasses()
            .that()
            .resideOutsideOfPackage("dev.meshprov.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..")
            .as("picocli is used only by the CLI");

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("dev.meshprov.(**)").should().beFreeOfCycles().as("packages are free of cycles");

    static final ArchRule NO_CONSOLE_OUTSIDE_CLI = noClasses()
            .that()
            .resideOutsideOfPackage("dev.meshprov.cli..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .as("only the CLI writes to System.out or System.err");

    static final ArchRule CORE_TAKES_A_CLOCK = noClasses()
            .that()
            .resideInAPackage("dev.meshprov.core..")
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .as("core takes the time from a Clock, never from now()");

    static final List<ArchRule> ALL = List.of(
            CORE_IS_PURE,
            TECHNOLOGIES_ARE_INDEPENDENT,
            ENTRY_POINTS_KNOW_NO_TECHNOLOGY,
            FEIGN_ONLY_IN_HTTP_ADAPTERS,
            AWS_SDK_ONLY_IN_S3_ADAPTERS,
            JAVALIN_ONLY_IN_HTTP_API,
            PICOCLI_ONLY_IN_CLI,
            NO_PACKAGE_CYCLES,
            NO_CONSOLE_OUTSIDE_CLI,
            CORE_TAKES_A_CLOCK);

    /** One slice per technology: its core package and its adapter package together. */
    static final class TechnologySlices implements SliceAssignment {
        static final String[] PACKAGES = {
            "dev.meshprov.core.airbyte..",
            "dev.meshprov.core.cde..",
            "dev.meshprov.core.mwaa..",
            "dev.meshprov.airbyte..",
            "dev.meshprov.cde..",
            "dev.meshprov.mwaa.."
        };
        private static final Pattern TECHNOLOGY =
                Pattern.compile("^dev\\.meshprov\\.(?:core\\.)?(airbyte|cde|mwaa)(\\..*)?$");

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            Matcher matcher = TECHNOLOGY.matcher(javaClass.getPackageName());
            return matcher.matches() ? SliceIdentifier.of(matcher.group(1)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "technologies";
        }
    }
}
