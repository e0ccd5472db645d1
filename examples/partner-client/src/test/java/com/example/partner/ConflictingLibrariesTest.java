package com.example.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.junit5.IduScoreMock;
import com.iduscore.mock.junit5.IduScoreMockTest;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.iduscore.mock.junit5.IduScoreAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock runs on Jackson 2.20, networknt 2.x and Jetty 11 (inside WireMock); this project's test classpath has
 * Jackson 2.12, networknt 1.0.x and Jetty 9. The shaded mock relocates its own, so both sets work in one JVM.
 */
@IduScoreMockTest
class ConflictingLibrariesTest {

    @Test
    void the_partners_own_old_versions_are_the_ones_on_the_classpath() throws Exception {
        assertThat(new ObjectMapper().version().toString()).startsWith("2.12.");
        assertThat(Server.getVersion()).startsWith("9.4.");
        Class<?> networknt = Class.forName("com.networknt.schema.JsonSchemaFactory");
        assertThat(networknt.getPackage().getImplementationVersion()).isIn("1.0.87", null);
        assertThat(networknt.getMethod("getInstance", Class.forName("com.networknt.schema.SpecVersion$VersionFlag"))).isNotNull();
        // nothing of the mock's own versions leaks out unrelocated
        assertThat(resource("com/github/tomakehurst/wiremock/WireMockServer.class")).isFalse();
        assertThat(resource("wiremock/org/eclipse/jetty/server/Server.class")).isFalse();
        assertThat(resource("com/networknt/schema/SchemaRegistry.class")).isFalse();
    }

    @Test
    void the_mock_serves_a_whole_flow_while_a_jetty_9_server_runs_beside_it(IduScoreMock mock) throws Exception {
        Server jetty9 = new Server(0);
        jetty9.start();
        try {
            IduScoreClient client = new IduScoreClient(mock.baseUrl(), mock.tenantA().apiKey(), mock::advance);
            String id = client.submit(UUID.randomUUID().toString(), "corr-jetty9", PartnerClientTest.submissionJson())
                    .accepted().submissionId();
            assertThat(client.awaitTerminal(id, java.time.Duration.ofMillis(300), 50).status()).isEqualTo("completed");
            mock.settle();
            assertThat(mock.deliveries()).hasResultReadyFor(id).allSignedWith(mock.tenantA().webhookSecret());
            assertThat(jetty9.isStarted()).isTrue();
        } finally {
            jetty9.stop();
        }
    }

    private static boolean resource(String name) {
        return ConflictingLibrariesTest.class.getClassLoader().getResource(name) != null;
    }
}
