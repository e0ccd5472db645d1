package com.iduscore.mock.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is plain Java that knows nothing of HTTP: no WireMock, no Jetty, none of the mock's HTTP, admin or
 * server code. The HTTP adapter parses and validates; the domain gets typed requests and raises refusals by reason.
 */
@AnalyzeClasses(packages = "com.iduscore.mock", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainBoundaryTest {

    @ArchTest
    static final ArchRule the_domain_uses_no_http_server_library = noClasses()
            .that().resideInAPackage("com.iduscore.mock.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.github.tomakehurst..", "wiremock..", "org.eclipse.jetty..", "jakarta.servlet..",
                    "javax.servlet..")
            .because("the domain is plain Java; WireMock and Jetty are the adapter's business");

    @ArchTest
    static final ArchRule the_domain_knows_nothing_of_the_adapters = noClasses()
            .that().resideInAPackage("com.iduscore.mock.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.iduscore.mock.http..", "com.iduscore.mock.server..", "com.iduscore.mock.admin..",
                    "com.iduscore.mock.cli..")
            .because("dependencies point inwards: adapters use the domain, never the reverse");

    @ArchTest
    static final ArchRule the_domain_reads_no_raw_json_bodies = noClasses()
            .that().resideInAPackage("com.iduscore.mock.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind.node..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.databind.JsonNode")
            .because("the HTTP adapter parses the body once into a typed request (SubmissionRequest)");
}
