package com.iduscore.contract.selftest;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One breach of the contract the self-test plants, and the check that must catch it.
 *
 * @param name          what is planted, as a sentence in snake case ({@code a_cross_tenant_200})
 * @param checkId       the catalogue id of the check that must fail ({@code ISO-01})
 * @param description   what the proxy does, for the report
 * @param deviation     makes a fresh deviation (deviations keep per-run state)
 * @param resultTimeout the bound of every wait of the nested run (short where the check must wait for something the
 *                      deviation withholds)
 */
record PlantedDeviation(String name, String checkId, String description, Supplier<Deviation> deviation,
                        Duration resultTimeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static PlantedDeviation of(String name, String checkId, String description, Supplier<Deviation> deviation) {
        return new PlantedDeviation(name, checkId, description, deviation, DEFAULT_TIMEOUT);
    }

    PlantedDeviation waitingAtMost(Duration timeout) {
        return new PlantedDeviation(name, checkId, description, deviation, timeout);
    }

    /** {@code a_cross_tenant_200_is_caught_by_ISO_01}. */
    String displayName() {
        return name + "_is_caught_by_" + checkId.replace('-', '_');
    }
}
