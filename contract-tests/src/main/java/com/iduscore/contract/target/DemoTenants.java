package com.iduscore.contract.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo tenants of {@code fixtures/tenants.json} (classpath), which the stub and container targets run with:
 * primary = demo-a's first credential, second = demo-a's second, other tenant = demo-b, inactive = demo-inactive.
 */
public record DemoTenants(ObjectNode document, Credential primary, Credential second, Credential otherTenant,
                          String inactiveApiKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DemoTenants load() {
        try (InputStream in = DemoTenants.class.getClassLoader().getResourceAsStream("fixtures/tenants.json")) {
            if (in == null) {
                throw new TargetConfigurationException("classpath resource fixtures/tenants.json is missing (module iduscore-fixtures)");
            }
            ObjectNode doc = (ObjectNode) JSON.readTree(in);
            JsonNode a = tenant(doc, "demo-a");
            return new DemoTenants(doc, credential(a, 0), credential(a, 1), credential(tenant(doc, "demo-b"), 0),
                    tenant(doc, "demo-inactive").path("credentials").path(0).path("apiKey").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixtures/tenants.json", e);
        }
    }

    /**
     * The tenants document with a webhook registered for demo-a, as the stub's {@code --tenants} file.
     */
    public ObjectNode withWebhookForPrimary(String url, String secret, String apiKey) {
        ObjectNode copy = document.deepCopy();
        for (JsonNode t : (ArrayNode) copy.path("tenants")) {
            if ("demo-a".equals(t.path("tenantId").asText())) {
                ObjectNode webhook = ((ObjectNode) t).putObject("webhook");
                webhook.put("url", url);
                webhook.put("secret", secret);
                webhook.put("apiKey", apiKey);
            }
        }
        return copy;
    }

    private static JsonNode tenant(JsonNode doc, String id) {
        for (JsonNode t : doc.path("tenants")) {
            if (id.equals(t.path("tenantId").asText())) {
                return t;
            }
        }
        throw new TargetConfigurationException("fixtures/tenants.json has no tenant '" + id + "'");
    }

    private static Credential credential(JsonNode tenant, int index) {
        JsonNode c = tenant.path("credentials").path(index);
        return new Credential(c.path("partnerId").asText(), c.path("apiKey").asText());
    }
}
