package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

import java.util.List;

/** The mock has no stub-mapping files: nothing is read from, or written to, a {@code mappings} folder. */
final class NoMappings implements MappingsSource {

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
    }

    @Override
    public void save(StubMapping stubMapping) {
    }

    @Override
    @SuppressWarnings("removal") // WireMock 3 still calls it; implementing it is required, not a use of it
    public void remove(StubMapping stubMapping) {
    }

    @Override
    public void removeAll() {
    }
}
