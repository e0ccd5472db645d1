package com.iduscore.contract.drift;

import io.swagger.v3.oas.models.parameters.Parameter;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.ConsoleRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Compares a deployment's published document ({@code GET /openapi.json}) with the pinned contract
 * ({@code openapi/iduscore-partner-v1.yaml} on the classpath) using openapi-diff-core, and says in readable lines what
 * would break partners:
 * <ul>
 *   <li>removed operations; removed response status codes; removed or newly required parameters;</li>
 *   <li>request bodies: new required fields, removed fields, removed enum values, changed types;</li>
 *   <li>responses: removed fields, fields no longer required, removed or new enum values, changed types.</li>
 * </ul>
 * Additions a client can ignore (new operations, new optional request fields, new response fields) are listed as
 * non-breaking. Anything else openapi-diff calls incompatible that these rules do not name is reported with
 * openapi-diff's own rendering, so nothing incompatible is silently passed.
 */
public final class SpecDrift {

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    private SpecDrift() {
    }

    /** The pinned contract's text ({@link com.iduscore.contract.openapi.OpenApiContract#yaml()}). */
    public static String pinnedDocument() {
        return com.iduscore.contract.openapi.OpenApiContract.yaml();
    }

    /** Compares a deployment's published document (JSON or YAML text) with the pinned contract. */
    public static DriftReport againstPinned(String deployed) {
        return compare(pinnedDocument(), deployed);
    }

    /**
     * Compares two documents: {@code pinned} is what the suite was written against, {@code deployed} what the
     * deployment publishes now.
     *
     * @throws IllegalArgumentException when either text is not an OpenAPI document
     */
    public static DriftReport compare(String pinned, String deployed) {
        requireOpenApi("pinned", pinned);
        requireOpenApi("deployed", deployed);
        ChangedOpenApi diff;
        try {
            diff = OpenApiCompare.fromContents(pinned, deployed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot compare the documents (is each one an OpenAPI document?): " + e.getMessage(), e);
        }
        if (diff.getNewSpecOpenApi() == null || diff.getOldSpecOpenApi() == null) {
            throw new IllegalArgumentException("openapi-diff could not parse the documents");
        }
        Lines lines = new Lines();
        diff.getMissingEndpoints().forEach(e -> lines.breaking("removed operation " + e.getMethod() + " " + e.getPathUrl()));
        diff.getNewEndpoints().forEach(e -> lines.compatible("new operation " + e.getMethod() + " " + e.getPathUrl()));
        for (ChangedOperation op : diff.getChangedOperations()) {
            String where = op.getHttpMethod() + " " + op.getPathUrl();
            parameters(where, op.getParameters(), lines);
            requestBody(where, op.getRequestBody(), lines);
            responses(where, op.getApiResponses(), lines);
        }
        if (diff.isIncompatible() && lines.breaking.isEmpty()) {
            lines.breaking("openapi-diff reports an incompatible change these rules do not name:" + System.lineSeparator()
                    + render(diff));
        }
        return new DriftReport(lines.breaking, lines.compatible);
    }

    private static void parameters(String where, ChangedParameters params, Lines lines) {
        if (params == null) {
            return;
        }
        for (Parameter p : params.getMissing()) {
            lines.breaking(where + ": parameter " + p.getIn() + " '" + p.getName() + "' removed");
        }
        for (Parameter p : params.getIncreased()) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                lines.breaking(where + ": new required parameter " + p.getIn() + " '" + p.getName() + "'");
            } else {
                lines.compatible(where + ": new optional parameter " + p.getIn() + " '" + p.getName() + "'");
            }
        }
        for (ChangedParameter p : params.getChanged()) {
            String name = where + ": parameter " + p.getIn() + " '" + p.getName() + "'";
            if (p.isChangeRequired() && p.getNewParameter() != null && Boolean.TRUE.equals(p.getNewParameter().getRequired())) {
                lines.breaking(name + " is now required");
            }
            if (p.getSchema() != null) {
                schema(name, "", p.getSchema(), true, lines);
            }
        }
    }

    private static void requestBody(String where, ChangedRequestBody body, Lines lines) {
        if (body == null) {
            return;
        }
        if (body.isChangeRequired() && body.getNewRequestBody() != null && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
            lines.breaking(where + ": the request body is now required");
        }
        content(where + " request body", body.getContent(), true, lines);
    }

    private static void responses(String where, ChangedApiResponse responses, Lines lines) {
        if (responses == null) {
            return;
        }
        responses.getMissing().keySet().forEach(status -> lines.breaking(where + ": response " + status + " removed"));
        responses.getIncreased().keySet().forEach(status -> lines.compatible(where + ": new response " + status));
        for (Map.Entry<String, ChangedResponse> changed : responses.getChanged().entrySet()) {
            content(where + " response " + changed.getKey(), changed.getValue().getContent(), false, lines);
        }
    }

    private static void content(String where, ChangedContent content, boolean request, Lines lines) {
        if (content == null) {
            return;
        }
        content.getMissing().keySet().forEach(type -> lines.breaking(where + ": media type " + type + " removed"));
        for (Map.Entry<String, ChangedMediaType> media : content.getChanged().entrySet()) {
            if (media.getValue().getSchema() != null) {
                schema(where, "", media.getValue().getSchema(), request, lines);
            }
        }
    }

    /** Walks one changed schema; {@code path} is the JSON path below the body ({@code subject.demographics}). */
    private static void schema(String where, String path, ChangedSchema s, boolean request, Lines lines) {
        String at = path.isEmpty() ? "" : " field '" + path + "'";
        String fieldPrefix = path.isEmpty() ? "" : path + ".";
        if (s.isChangedType()) {
            lines.breaking(where + ":" + (at.isEmpty() ? " the body" : at) + " changed type from " + type(s.getOldSchema())
                    + " to " + type(s.getNewSchema()));
        }
        s.getMissingProperties().keySet().forEach(name -> {
            if (request) {
                lines.breaking(where + ": request field '" + fieldPrefix + name + "' removed (a partner sending it is now refused)");
            } else {
                lines.breaking(where + ": field '" + fieldPrefix + name + "' removed");
            }
        });
        s.getIncreasedProperties().keySet().forEach(name -> {
            boolean required = s.getNewSchema() != null && s.getNewSchema().getRequired() != null
                    && s.getNewSchema().getRequired().contains(name);
            if (!request || !required) {
                lines.compatible(where + ": new " + (required ? "required " : "optional ") + "field '" + fieldPrefix + name + "'");
            }
        });
        if (s.getRequired() != null) {
            for (String name : s.getRequired().getIncreased()) {
                if (request) {
                    lines.breaking(where + ": new required request field '" + fieldPrefix + name + "'");
                } else {
                    lines.compatible(where + ": field '" + fieldPrefix + name + "' is now always sent");
                }
            }
            for (String name : s.getRequired().getMissing()) {
                if (!request && s.getNewSchema() != null && s.getNewSchema().getProperties() != null
                        && s.getNewSchema().getProperties().containsKey(name)) {
                    lines.breaking(where + ": field '" + fieldPrefix + name + "' is no longer always sent (not required)");
                } else if (request) {
                    lines.compatible(where + ": request field '" + fieldPrefix + name + "' is now optional");
                }
            }
        }
        if (s.getEnumeration() != null) {
            List<?> missing = s.getEnumeration().getMissing();
            List<?> added = s.getEnumeration().getIncreased();
            if (!missing.isEmpty()) {
                lines.breaking(where + ":" + (at.isEmpty() ? " the body" : at) + " no longer " + (request ? "accepts" : "uses")
                        + " enum value" + (missing.size() == 1 ? " " : "s ") + quoted(missing));
            }
            if (!added.isEmpty()) {
                String line = where + ":" + (at.isEmpty() ? " the body" : at) + " has new enum value"
                        + (added.size() == 1 ? " " : "s ") + quoted(added);
                if (request) {
                    lines.compatible(line);
                } else {
                    lines.breaking(line + " (a client with an exhaustive switch does not know it)");
                }
            }
        }
        s.getChangedProperties().forEach((name, child) -> schema(where, fieldPrefix + name, child, request, lines));
        if (s.getItems() != null) {
            schema(where, path + "[]", s.getItems(), request, lines);
        }
        if (s.getAddProp() != null) {
            schema(where, path + ".*", s.getAddProp(), request, lines);
        }
    }

    /** A cheap look before openapi-diff, which turns any text into an empty document without complaint. */
    private static void requireOpenApi(String which, String text) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = YAML.readTree(text == null ? "" : text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the " + which + " document is neither JSON nor YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("openapi").isTextual() || !root.path("paths").isObject()) {
            throw new IllegalArgumentException("the " + which + " document has no \"openapi\" version and \"paths\";"
                    + " it is not the Partner API's OpenAPI document");
        }
    }

    private static String type(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema == null) {
            return "nothing";
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return String.join("|", schema.getTypes());
        }
        return String.valueOf(schema.getType());
    }

    private static String quoted(Collection<?> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("'" + v + "'"));
        return String.join(", ", quoted);
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, writer);
        } catch (IOException | RuntimeException e) {
            return "(openapi-diff could not render the difference: " + e + ")";
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final class Lines {
        final List<String> breaking = new ArrayList<>();
        final List<String> compatible = new ArrayList<>();

        void breaking(String line) {
            if (!breaking.contains(line)) {
                breaking.add(line);
            }
        }

        void compatible(String line) {
            if (!compatible.contains(line)) {
                compatible.add(line);
            }
        }
    }
}
