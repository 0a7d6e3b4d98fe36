package io.kanzen.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a plugin's JAR says of itself in {@code META-INF/MANIFEST.MF}: the standard {@code Implementation-Title},
 * {@code Implementation-Version} and {@code Implementation-Vendor}, and Kanzen's own {@code Kanzen-Plugin-Description}
 * and {@code Kanzen-Spi-Range} (the SPI versions it was built for, such as {@code [1.1,2)}). The parent POM writes them
 * into every plugin module's JAR; a plugin built elsewhere may leave them out: each is null when not said.
 */
public record PluginManifest(String title, String version, String vendor, String description, String spiRange) {
    public static final PluginManifest UNKNOWN = new PluginManifest(null, null, null, null, null);
    public static final String DESCRIPTION = "Kanzen-Plugin-Description";
    public static final String SPI_RANGE = "Kanzen-Spi-Range";

    public PluginManifest {
        title = blankToNull(title);
        version = blankToNull(version);
        vendor = blankToNull(vendor);
        description = blankToNull(description);
        spiRange = blankToNull(spiRange);
    }

    /**
     * The manifest of the JAR {@code type} was loaded from. A JAR without Kanzen's attributes is not the plugin's own
     * (the server's fat JAR holds every bundled plugin under one manifest, the host's): then only the version the
     * class's package declares is kept. Classes from a folder (an IDE, {@code target/classes}) have no manifest.
     */
    public static PluginManifest of(Class<?> type) {
        Package p = type.getPackage();
        PluginManifest fallback = new PluginManifest(null, p == null ? null : p.getImplementationVersion(), null, null, null);
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return fallback;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            PluginManifest m = Files.isRegularFile(location) ? read(location) : UNKNOWN;
            return m.description() != null || m.spiRange() != null ? m : fallback;
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return fallback;
        }
    }

    /** The manifest of a JAR file; {@link #UNKNOWN} when it has none or cannot be read. */
    public static PluginManifest read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            return m == null ? UNKNOWN : of(m.getMainAttributes());
        } catch (IOException | SecurityException e) {
            return UNKNOWN;
        }
    }

    /** For a manifest read from a stream (a test, or a JAR inside another). */
    public static PluginManifest read(InputStream manifest) throws IOException {
        return of(new Manifest(manifest).getMainAttributes());
    }

    private static PluginManifest of(Attributes a) {
        return new PluginManifest(a.getValue(Attributes.Name.IMPLEMENTATION_TITLE), a.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                a.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), a.getValue(DESCRIPTION), a.getValue(SPI_RANGE));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
