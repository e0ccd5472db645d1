package com.iduscore.mock.domain;

import com.iduscore.mock.domain.error.ApiException;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;
import java.util.Map;

/** Fluent checks of a refusal: {@code assertRefusal(() -> ...).is(404, "NOT_FOUND").withMessage("Job not found")}. */
final class ApiExceptionAssert extends AbstractAssert<ApiExceptionAssert, ApiException> {

    private ApiExceptionAssert(ApiException actual) {
        super(actual, ApiExceptionAssert.class);
    }

    static ApiExceptionAssert assertRefusal(ThrowingCallable call) {
        try {
            call.call();
        } catch (ApiException e) {
            return new ApiExceptionAssert(e);
        } catch (Throwable other) {
            throw new AssertionError("Expected an ApiException, but " + other + " was thrown", other);
        }
        throw new AssertionError("Expected an ApiException, but the call succeeded");
    }

    ApiExceptionAssert is(int status, String code) {
        isNotNull();
        if (com.iduscore.mock.http.ErrorStatus.of(actual.reason()) != status || !actual.code().equals(code)) {
            failWithMessage("Expected refusal %s %s but was %s %s (\"%s\")", status, code, com.iduscore.mock.http.ErrorStatus.of(actual.reason()),
                    actual.code(), actual.getMessage());
        }
        return this;
    }

    ApiExceptionAssert withMessage(String message) {
        if (!message.equals(actual.getMessage())) {
            failWithMessage("Expected message \"%s\" but was \"%s\"", message, actual.getMessage());
        }
        return this;
    }

    ApiException refusal() {
        return actual;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, String>> details() {
        if (!(actual.details() instanceof List<?>)) {
            failWithMessage("Expected [{field, message}] details but were %s", actual.details());
        }
        return (List<Map<String, String>>) actual.details();
    }

    ApiExceptionAssert withDetailField(String field) {
        List<String> fields = details().stream().map(d -> d.get("field")).toList();
        if (!fields.contains(field)) {
            failWithMessage("Expected a detail for field \"%s\" but the fields were %s (%s)", field, fields, actual.details());
        }
        return this;
    }
}
