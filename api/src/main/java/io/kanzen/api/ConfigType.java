package io.kanzen.api;

/** How a configuration value is written and validated; also chooses the input of the settings form. */
public enum ConfigType {
    STRING,
    /** An absolute http or https URL. */
    URL,
    INTEGER,
    BOOLEAN,
    /** Comma-separated values. */
    LIST
}
