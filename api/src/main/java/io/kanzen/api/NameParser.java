package io.kanzen.api;

/**
 * Reads series, volumes, chapters, language, format and edition out of a file name or a release title.
 * The host's parser is handed to plugins through {@link PluginContext#nameParser()} so that every source
 * reads names the same way. Implementations never throw, whatever the input.
 */
@FunctionalInterface
public interface NameParser {
    /** What {@code name} says; {@link ParsedName#EMPTY} (never null, never an exception) when it says nothing readable. */
    ParsedName parse(String name);
}
