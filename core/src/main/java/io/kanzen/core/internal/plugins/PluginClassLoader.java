package io.kanzen.core.internal.plugins;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of one drop-in plugin. Its parent is the platform loader, so the plugin sees the JDK and
 * its own JARs but none of the host's libraries (it may bring another Jackson or OkHttp without clashing).
 * Only the SPI ({@code io.kanzen.api.}) and SLF4J (so plugin logs reach the host's logback) come from the host.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String[] SHARED = {"io.kanzen.api.", "org.slf4j."};

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader host;

    PluginClassLoader(String name, URL[] urls, ClassLoader host) {
        super(name, urls, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
