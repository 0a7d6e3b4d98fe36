package io.kanzen.api;

/**
 * The version of the plugin SPI. A plugin returns {@link #CURRENT} from {@link Plugin#spiVersion()};
 * because it is a compile-time constant, javac copies its value into the plugin's class file, so a plugin
 * built against an older API keeps answering the old version and the host can refuse it cleanly.
 */
public final class SpiVersion {
    /** Raised when a change to the api package would break plugins compiled against the previous one. */
    public static final String CURRENT = "1";

    private SpiVersion() {}
}
