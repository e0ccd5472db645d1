package com.iduscore.contract.selftest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the check catalogue's classes ({@code com.iduscore.contract.checks.**}) anew, and everything else from its
 * parent. Each nested run gets one, so set-ups the checks share through static fields (a followed submission kept in a
 * {@code Once}) are made again through the deviation under test instead of being reused from an earlier run, while the
 * framework (target, recorder, gate, REST Assured, the OpenAPI validator) stays the one the self-test configures.
 */
final class FreshCatalogueLoader extends ClassLoader {

    private static final String PREFIX = CheckCatalogue.PACKAGE + ".";

    FreshCatalogueLoader(ClassLoader parent) {
        super("selftest-catalogue", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PREFIX)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = bytes(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] bytes(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
