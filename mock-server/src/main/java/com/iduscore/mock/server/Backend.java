package com.iduscore.mock.server;

import com.iduscore.mock.domain.MockControl;
import com.iduscore.mock.domain.PartnerApi;
import com.iduscore.mock.http.OpenApiDocuments;
import com.iduscore.mock.validation.SubmissionSchemaValidator;

import java.util.List;

/**
 * Everything the HTTP adapter serves, already built and started: the domain behind its two seams, the schema
 * validator, the OpenAPI document, and what to close on stop (the domain flushes its state file there).
 *
 * @param tenantIds for the listening line only
 * @param warmUp    run once in the background after the first answer, so the first POST and the first
 *                  {@code /openapi.*} need not build the schema validator and the documents themselves
 */
record Backend(PartnerApi api, MockControl control, SubmissionSchemaValidator validator, OpenApiDocuments openApi,
               List<String> tenantIds, AutoCloseable onStop, Runnable warmUp) {
}
