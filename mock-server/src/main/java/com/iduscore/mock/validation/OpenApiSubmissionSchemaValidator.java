package com.iduscore.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.iduscore.contract.openapi.OpenApiContract;
import com.iduscore.contract.openapi.SchemaValidator;
import com.iduscore.contract.openapi.SchemaValidator.Violation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a submission body against {@code components.schemas.CanonicalSubmissionV1} of the bundled contract with
 * the {@code iduscore-openapi} module's {@link SchemaValidator}, and shapes the failures like Zod's {@code flatten()}:
 * {@code fieldErrors} keyed by dotted path ({@code subject.demographics.sexAtBirth}, {@code markers.3.unit}), problems
 * with the body as a whole in {@code formErrors}.
 *
 * <p>Messages are worded by {@link ZodStyleMessages}. A combinator failure ({@code anyOf}, {@code oneOf}...) is left
 * out when a more precise failure at or below its path explains it. The schema is compiled in the constructor, so the
 * first request pays nothing extra. Thread-safe.
 */
public final class OpenApiSubmissionSchemaValidator implements SubmissionSchemaValidator {
    public static final String SCHEMA_NAME = "CanonicalSubmissionV1";
    private static final FieldErrors VALID = new FieldErrors(List.of(), Map.of());

    private final SchemaValidator validator;
    private final ZodStyleMessages messages;

    /** Validates against the bundled contract. */
    public OpenApiSubmissionSchemaValidator() {
        this(SchemaValidator.shared(), OpenApiContract.document());
    }

    /**
     * @param validator the validator of {@code document}
     * @param document  the OpenAPI document it validates with, for the constraint values quoted in messages
     */
    public OpenApiSubmissionSchemaValidator(SchemaValidator validator, JsonNode document) {
        this.validator = validator;
        this.messages = new ZodStyleMessages(document, SCHEMA_NAME);
        validator.validate(SCHEMA_NAME, JsonNodeFactory.instance.objectNode()); // compile now, not on first request
    }

    @Override
    public FieldErrors validate(JsonNode body) {
        List<Violation> violations = validator.validate(SCHEMA_NAME, body);
        if (violations.isEmpty()) {
            return VALID;
        }
        Set<String> formErrors = new LinkedHashSet<>();
        Map<String, Set<String>> fieldErrors = new LinkedHashMap<>();
        for (Violation violation : violations) {
            if (ZodStyleMessages.isCombinator(violation.keyword()) && explainedBelow(violation, violations)) {
                continue;
            }
            String message = messages.message(violation, body);
            if (violation.path().isEmpty()) {
                formErrors.add(message);
            } else {
                fieldErrors.computeIfAbsent(violation.path(), path -> new LinkedHashSet<>()).add(message);
            }
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fieldErrors.forEach((path, pathMessages) -> fields.put(path, List.copyOf(pathMessages)));
        return new FieldErrors(List.copyOf(formErrors), Collections.unmodifiableMap(fields));
    }

    /** Whether another, non-combinator violation sits at the combinator's path or inside it. */
    private static boolean explainedBelow(Violation combinator, List<Violation> violations) {
        String prefix = combinator.path().isEmpty() ? "" : combinator.path() + ".";
        for (Violation other : violations) {
            if (other == combinator || ZodStyleMessages.isCombinator(other.keyword())) {
                continue;
            }
            if (other.path().equals(combinator.path()) || other.path().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
