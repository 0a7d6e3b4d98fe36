package io.kanzen.api;

/**
 * The version of the plugin SPI, {@code MAJOR.MINOR}. A plugin returns {@link #CURRENT} from
 * {@link Plugin#spiVersion()}; because it is a compile-time constant, javac copies its value into the plugin's class
 * file, so a plugin keeps answering the version it was built against.
 *
 * <p>Compatibility rule: the minor number grows when the SPI only gains (default methods, new optional types), so a
 * plugin built for {@code 1} or {@code 1.0} loads in a host speaking {@code 1.1}. The major number grows when a change
 * would break plugins built before; a plugin of another major, or of a newer minor than the host's (it may call what
 * the host lacks), is refused with a message naming both versions.
 */
public final class SpiVersion {
    public static final String CURRENT = "1.1";

    private SpiVersion() {}

    /** Whether a plugin built against {@code pluginVersion} can run in this host. */
    public static boolean compatible(String pluginVersion) {
        int[] plugin = parse(pluginVersion);
        int[] host = parse(CURRENT);
        return plugin != null && plugin[0] == host[0] && plugin[1] <= host[1];
    }

    /** {@code [major, minor]}, or null when the text is not a version. */
    private static int[] parse(String version) {
        if (version == null || !version.strip().matches("\\d{1,4}(\\.\\d{1,4})?")) {
            return null;
        }
        String[] parts = version.strip().split("\\.");
        return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
    }
}
