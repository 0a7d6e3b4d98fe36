package io.kanzen.core;

/** How a plugin came in. When two plugins share a name, the earlier way wins. */
public enum PluginOrigin {
    /** Given to {@link Kanzen.Builder#plugin}. */
    EXPLICIT,
    /** Found by {@link java.util.ServiceLoader} on the application's class path (the bundled plugins). */
    CLASSPATH,
    /** A JAR dropped in the plugins directory, loaded in a class loader of its own. */
    DROP_IN
}
