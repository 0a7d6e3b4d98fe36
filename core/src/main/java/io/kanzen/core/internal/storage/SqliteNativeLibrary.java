package io.kanzen.core.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sqlite-jdbc's native library, copied once into the data directory ({@code native/sqlite-<version>-<os>-<arch>/})
 * and loaded from there: left alone, the driver writes it to a new file in /tmp at every start (reading it out of the
 * JAR, checksumming both copies, and asking {@code uname -o} in a child process on Linux), a fifth of a short
 * command's time. Each start checks the copy against the CRC-32 recorded when it was written; a missing, damaged or
 * other-version copy is written again (to a temporary file moved into place, so two processes starting together
 * never see half a library). On a platform this class does not know (musl, Android, 32-bit...), or when the
 * process already chose where the library comes from ({@code org.sqlite.lib.path}), the driver does as it always did.
 */
final class SqliteNativeLibrary {
    static final String DIRECTORY = "native";
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String CRC_SUFFIX = ".crc32";

    private SqliteNativeLibrary() {}

    /** Points sqlite-jdbc at the copy in {@code dataDirectory}, made if needed; before the first connection of the process. */
    static synchronized void useCopyIn(Path dataDirectory) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // an embedder's or an earlier open's choice: the driver loads its library once per process anyway
        }
        try {
            Optional<Path> copy = copyIn(dataDirectory.resolve(DIRECTORY));
            if (copy.isPresent()) {
                System.setProperty(NAME_PROPERTY, copy.get().getFileName().toString());
                System.setProperty(PATH_PROPERTY, copy.get().getParent().toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("sqlite's native library is not kept in {} ({}): the driver extracts it as usual", dataDirectory, e.toString());
        }
    }

    /**
     * This platform's library in {@code nativeDirectory}: the copy already there when it is intact, otherwise a new
     * one; empty when this platform is not one this class knows.
     */
    static Optional<Path> copyIn(Path nativeDirectory) throws IOException {
        Optional<String> resource = resourceForThisPlatform();
        Optional<String> version = driverVersion();
        if (resource.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = resource.get().split("/"); // org/sqlite/native/<os>/<arch>/<name>
        String name = parts[parts.length - 1];
        Path folder = nativeDirectory.resolve("sqlite-" + version.get() + "-" + parts[3] + "-" + parts[4]);
        Path library = folder.resolve(name);
        if (intact(library)) {
            return Optional.of(library);
        }
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, name, ".part");
        try {
            CRC32 crc = new CRC32();
            try (InputStream in = SqliteNativeLibrary.class.getClassLoader().getResourceAsStream(resource.get());
                    OutputStream out = Files.newOutputStream(written)) {
                if (in == null) {
                    return Optional.empty();
                }
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    crc.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            // the checksum first: a library without one is never trusted, so a crash between the two moves costs a rewrite
            Path sum = folder.resolve(name + CRC_SUFFIX);
            Path sumWritten = Files.createTempFile(folder, name, ".crc.part");
            Files.writeString(sumWritten, Long.toHexString(crc.getValue()), StandardCharsets.US_ASCII);
            Files.move(sumWritten, sum, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(written, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        removeOtherVersions(nativeDirectory, folder);
        return Optional.of(library);
    }

    /** The copy is there and its CRC-32 is the one recorded when it was written. */
    static boolean intact(Path library) {
        try {
            String recorded = Files.readString(library.resolveSibling(library.getFileName() + CRC_SUFFIX), StandardCharsets.US_ASCII).trim();
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(library));
            return Long.toHexString(crc.getValue()).equals(recorded);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void removeOtherVersions(Path nativeDirectory, Path current) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(nativeDirectory, "sqlite-*")) {
            for (Path folder : folders) {
                if (!folder.equals(current)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                        for (Path f : files) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("an old copy of sqlite's native library stays in {}: {}", nativeDirectory, e.toString());
        }
    }

    /** Where sqlite-jdbc keeps this platform's library in its JAR, for the platforms whose folder is certain. */
    static Optional<String> resourceForThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null) {
            return Optional.empty();
        }
        if (os.startsWith("linux")) {
            return musl() || System.getProperty("java.vm.vendor", "").contains("Android") ? Optional.empty()
                    : Optional.of("org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so");
        }
        if (os.startsWith("mac")) {
            return Optional.of("org/sqlite/native/Mac/" + arch + "/libsqlitejdbc.dylib");
        }
        if (os.startsWith("windows")) {
            return Optional.of("org/sqlite/native/Windows/" + arch + "/sqlitejdbc.dll");
        }
        return Optional.empty();
    }

    /** A musl libc (Alpine) needs the driver's Linux-Musl build: left to the driver, which knows how to tell. */
    private static boolean musl() {
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The driver's version, from its Maven metadata (kept in Kanzen's shaded JAR too). */
    static Optional<String> driverVersion() {
        try (InputStream in = SqliteNativeLibrary.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || !v.matches("[0-9A-Za-z.\\-]+") ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
